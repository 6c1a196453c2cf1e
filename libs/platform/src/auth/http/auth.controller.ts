import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { ApiForbiddenResponse, ApiOkResponse, ApiOperation, ApiTags, ApiUnauthorizedResponse } from '@nestjs/swagger';
import { ThrottleRoute } from '../../throttling/throttle-route.decorator';
import { Public } from '../public.decorator';
import { AllowedBeforePasswordChange, AnyAuthenticated } from '../access.decorators';
import { AuthenticatedUser, CurrentUser } from '../authenticated-user';
import { AccessTokenDto } from '../dto/access-token.dto';
import { ChangePasswordDto } from '../dto/change-password.dto';
import { LoginDto } from '../dto/login.dto';
import { LoginService } from '../login.service';
import { ChangePasswordUseCase } from '../usecases/change-password.usecase';

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(
    private readonly loginService: LoginService,
    private readonly changePassword: ChangePasswordUseCase,
  ) {}

  @Post('login')
  @Public()
  @ThrottleRoute('login')
  @HttpCode(200)
  @ApiOperation({ summary: 'Log in with username and password; returns a bearer token' })
  @ApiOkResponse({ type: AccessTokenDto })
  @ApiUnauthorizedResponse({
    description: 'auth.invalid-credentials: unknown username or wrong password (one answer for both)',
  })
  @ApiForbiddenResponse({ description: 'auth.account-deactivated: right password, but the account is deactivated' })
  login(@Body() body: LoginDto): Promise<AccessTokenDto> {
    return this.loginService.login(body.username, body.password);
  }

  @Post('password')
  @AnyAuthenticated()
  @AllowedBeforePasswordChange()
  @HttpCode(200)
  @ApiOperation({
    summary: 'Change your own password',
    description:
      'Every token issued before stops working; the response carries a new one. Also the one route (with GET /me) open after an administrator reset the password.',
  })
  @ApiOkResponse({ type: AccessTokenDto })
  password(@CurrentUser() user: AuthenticatedUser, @Body() body: ChangePasswordDto): Promise<AccessTokenDto> {
    return this.changePassword.execute(user, body);
  }
}
