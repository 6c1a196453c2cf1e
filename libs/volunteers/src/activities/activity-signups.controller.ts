import { Body, Controller, Delete, Post } from '@nestjs/common';
import {
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import {
  AnyAuthenticated,
  AuthenticatedUser,
  CurrentUser,
  Permission,
  RequirePermission,
  UuidParam,
} from '@linli/platform';
import { SignUpDto } from './dto/sign-up.dto';
import { SignupDto } from './dto/signup.dto';
import { CancelSignupUseCase } from './usecases/cancel-signup.usecase';
import { SignUpUseCase } from './usecases/sign-up.usecase';

@ApiTags('volunteers/activities')
@Controller('volunteers/activities')
export class ActivitySignupsController {
  constructor(
    private readonly signUp: SignUpUseCase,
    private readonly cancel: CancelSignupUseCase,
  ) {}

  @Post(':id/signups')
  @AnyAuthenticated()
  @ApiOperation({
    summary:
      'Sign up (yourself, or someone else with volunteers.manage): a place while there is one, else the waitlist',
    description: 'Signing up again while signed up answers the same sign-up.',
  })
  @ApiCreatedResponse({ type: SignupDto })
  @ApiForbiddenResponse({
    description:
      'volunteers.person-not-linked; auth.forbidden: signing up someone else without volunteers.manage there',
  })
  @ApiNotFoundResponse({ description: 'resource.not-found: an activity you may not see, or an unknown person' })
  @ApiConflictResponse({
    description:
      'volunteers.signup-closed: past the deadline; volunteers.activity-overlap: signed up to an activity at the same time',
  })
  create(
    @CurrentUser() user: AuthenticatedUser,
    @UuidParam('id') id: string,
    @Body() body: SignUpDto,
  ): Promise<SignupDto> {
    return this.signUp.execute(user, id, body);
  }

  @Delete(':id/signups/me')
  @AnyAuthenticated()
  @ApiOperation({ summary: 'Cancel your sign-up; a freed place goes to the first of the waitlist, who is notified' })
  @ApiOkResponse({ type: SignupDto })
  @ApiConflictResponse({ description: 'volunteers.signup-cancel-closed: checked in already' })
  cancelMine(@CurrentUser() user: AuthenticatedUser, @UuidParam('id') id: string): Promise<SignupDto> {
    return this.cancel.execute(user, id, undefined);
  }

  @Delete(':id/signups/:personId')
  @RequirePermission(Permission.VolunteersManage)
  @ApiOperation({
    summary: "Cancel someone's sign-up (volunteers.manage in scope); the waitlist moves up",
    description: 'Audited as volunteers.activity-signup-cancelled.',
  })
  @ApiOkResponse({ type: SignupDto })
  @ApiConflictResponse({ description: 'volunteers.signup-cancel-closed: checked in already' })
  cancelFor(
    @CurrentUser() user: AuthenticatedUser,
    @UuidParam('id') id: string,
    @UuidParam('personId') personId: string,
  ): Promise<SignupDto> {
    return this.cancel.execute(user, id, personId);
  }
}
