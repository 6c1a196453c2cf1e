import { Controller, Get } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AllowedBeforePasswordChange, AnyAuthenticated } from '../access.decorators';
import { AuthenticatedUser, CurrentUser } from '../authenticated-user';
import { MeDto } from '../dto/me.dto';
import { UsersService } from '../users.service';

@ApiTags('auth')
@Controller('me')
export class MeController {
  constructor(private readonly users: UsersService) {}

  @Get()
  @AnyAuthenticated()
  @AllowedBeforePasswordChange()
  @ApiOperation({ summary: 'Who you are: account, grants (with Chinese role names) and permissions' })
  @ApiOkResponse({ type: MeDto })
  me(@CurrentUser() user: AuthenticatedUser): Promise<MeDto> {
    return this.users.me(user);
  }
}
