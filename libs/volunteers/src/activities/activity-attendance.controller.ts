import { Body, Controller, HttpCode, Patch, Post } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiForbiddenResponse,
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
  ThrottleRoute,
  UuidParam,
} from '@linli/platform';
import { AttendanceDto } from './dto/attendance.dto';
import { CheckInResultDto } from './dto/check-in-result.dto';
import { CheckInDto } from './dto/check-in.dto';
import { CorrectAttendanceDto } from './dto/correct-attendance.dto';
import { VerifyAttendanceDto } from './dto/verify-attendance.dto';
import { VerifyResultDto } from './dto/verify-result.dto';
import { CheckInUseCase } from './usecases/check-in.usecase';
import { CorrectAttendanceUseCase } from './usecases/correct-attendance.usecase';
import { VerifyAttendanceUseCase } from './usecases/verify-attendance.usecase';

const CHECK_IN_REFUSALS =
  'volunteers.check-in-code-invalid (400): wrong or expired code; volunteers.check-in-closed (409): outside the window (30 min before the start to 30 min after the end); ' +
  'volunteers.check-in-too-far / volunteers.check-in-location-required (400): the activity has a radius; volunteers.not-signed-up (409): no confirmed sign-up';

@ApiTags('volunteers/activities')
@Controller('volunteers/activities')
export class ActivityAttendanceController {
  constructor(
    private readonly checkIns: CheckInUseCase,
    private readonly verify: VerifyAttendanceUseCase,
    private readonly correct: CorrectAttendanceUseCase,
  ) {}

  @Post(':id/check-in')
  @ThrottleRoute('code')
  @AnyAuthenticated()
  @HttpCode(200)
  @ApiOperation({
    summary: 'Check in with the code shown at the venue (yourself, or someone else with volunteers.manage)',
    description: 'A second check-in keeps the first time.',
  })
  @ApiOkResponse({ type: CheckInResultDto })
  @ApiBadRequestResponse({ description: CHECK_IN_REFUSALS })
  checkIn(
    @CurrentUser() user: AuthenticatedUser,
    @UuidParam('id') id: string,
    @Body() body: CheckInDto,
  ): Promise<CheckInResultDto> {
    return this.checkIns.checkIn(user, id, body);
  }

  @Post(':id/check-out')
  @ThrottleRoute('code')
  @AnyAuthenticated()
  @HttpCode(200)
  @ApiOperation({
    summary: 'Check out with the code shown at the venue',
    description: 'Keeps the latest check-out until the attendance is verified.',
  })
  @ApiOkResponse({ type: CheckInResultDto })
  @ApiBadRequestResponse({ description: CHECK_IN_REFUSALS })
  @ApiConflictResponse({ description: 'volunteers.not-checked-in; volunteers.attendance-verified' })
  checkOut(
    @CurrentUser() user: AuthenticatedUser,
    @UuidParam('id') id: string,
    @Body() body: CheckInDto,
  ): Promise<CheckInResultDto> {
    return this.checkIns.checkOut(user, id, body);
  }

  @Post(':id/verify')
  @RequirePermission(Permission.VolunteersManage)
  @HttpCode(200)
  @ApiOperation({
    summary: 'Verify attendance in bulk (the organizer, or volunteers.verify in scope)',
    description:
      'Default: everyone checked out and not yet verified. Hours from check-in/out unless `hours` (with `reason`, audited) overrides them. Each attendance is verified once; ' +
      'per attendee publishes volunteers.activity.attended and, for a service day, volunteers.service.verified, and adds the hours to the profile.',
  })
  @ApiOkResponse({ type: VerifyResultDto })
  @ApiForbiddenResponse({ description: 'volunteers.verifier-only' })
  @ApiConflictResponse({
    description:
      'volunteers.not-signed-up: a named person has no confirmed sign-up; volunteers.not-checked-out: a named person did not check out and no hours were given',
  })
  verifyAttendance(
    @CurrentUser() user: AuthenticatedUser,
    @UuidParam('id') id: string,
    @Body() body: VerifyAttendanceDto,
  ): Promise<VerifyResultDto> {
    return this.verify.execute(user, id, body);
  }

  @Patch(':id/attendance/:personId')
  @RequirePermission(Permission.VolunteersManage)
  @ApiOperation({
    summary: 'Correct the hours of a verified attendance, with a reason (the organizer, or volunteers.verify in scope)',
    description:
      "Audited as volunteers.attendance-corrected; the profile's hours follow. Points earned at verification are not recomputed (adjust them in the points module).",
  })
  @ApiOkResponse({ type: AttendanceDto })
  @ApiConflictResponse({ description: 'volunteers.attendance-not-verified' })
  correctAttendance(
    @CurrentUser() user: AuthenticatedUser,
    @UuidParam('id') id: string,
    @UuidParam('personId') personId: string,
    @Body() body: CorrectAttendanceDto,
  ): Promise<AttendanceDto> {
    return this.correct.execute(user, id, personId, body);
  }
}
