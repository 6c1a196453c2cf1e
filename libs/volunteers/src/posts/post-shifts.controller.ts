import { Body, Controller, Delete, Get, HttpCode, Post } from '@nestjs/common';
import {
  ApiBadRequestResponse,
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
  ThrottleRoute,
  UuidParam,
} from '@linli/platform';
import { ShiftCheckInCodeDto, ShiftCheckInDto } from './dto/check-in.dto';
import { ClaimDto, ShiftAttendanceDto, ShiftVerifyResultDto } from './dto/claim.dto';
import { ClaimShiftDto } from './dto/claim-shift.dto';
import { VerifyShiftDto } from './dto/verify-shift.dto';
import { PostShiftsService } from './post-shifts.service';
import { ClaimShiftUseCase } from './usecases/claim-shift.usecase';
import { RecordAttendanceUseCase } from './usecases/record-attendance.usecase';
import { ReleaseClaimUseCase } from './usecases/release-claim.usecase';
import { VerifyShiftUseCase } from './usecases/verify-shift.usecase';

const NOT_LINKED = 'volunteers.person-not-linked: acting for yourself with an account linked to no person';
const CHECK_IN_REFUSALS =
  'volunteers.check-in-closed (outside the shift ± 30 min); volunteers.not-signed-up (no live claim); volunteers.not-checked-in (check-out first); volunteers.attendance-verified';

/**
 * Claims and attendance of a post's shifts. Claims and check-ins are self-service (a login; the
 * handler checks the person acted for and the post's scope); the organizer's routes need a staff
 * permission and, where the post is, volunteers.manage / volunteers.verify / volunteers.read, or
 * having published the post (404 otherwise).
 */
@ApiTags('volunteers/posts')
@Controller('volunteers/posts/:id')
export class PostShiftsController {
  constructor(
    private readonly claimShift: ClaimShiftUseCase,
    private readonly releaseClaim: ReleaseClaimUseCase,
    private readonly attendanceRecorder: RecordAttendanceUseCase,
    private readonly verifyShift: VerifyShiftUseCase,
    private readonly shifts: PostShiftsService,
  ) {}

  @Post('claims')
  @AnyAuthenticated()
  @ApiOperation({
    summary: 'Claim a slot of a shift',
    description:
      "For yourself (an account linked to a person), or, with volunteers.manage where the post is, for a person in your scope. Records whether the person is a party member dual-registered at the post's community. Audited.",
  })
  @ApiCreatedResponse({ type: ClaimDto })
  @ApiForbiddenResponse({ description: NOT_LINKED })
  @ApiNotFoundResponse({ description: 'resource.not-found: post, shift or person unknown or outside your scope' })
  @ApiConflictResponse({
    description:
      'volunteers.shift-full; volunteers.shift-already-claimed; volunteers.shift-overlap; volunteers.shift-started',
  })
  claim(
    @CurrentUser() user: AuthenticatedUser,
    @UuidParam('id') id: string,
    @Body() body: ClaimShiftDto,
  ): Promise<ClaimDto> {
    return this.claimShift.execute(user, id, body);
  }

  @Delete('claims/:claimId')
  @AnyAuthenticated()
  @ApiOperation({
    summary: 'Release a claim before its shift starts',
    description: "The claimant, staff with volunteers.manage where the post is, or the post's publisher. Audited.",
  })
  @ApiOkResponse({ type: ClaimDto })
  @ApiNotFoundResponse({ description: 'resource.not-found' })
  @ApiConflictResponse({ description: 'volunteers.claim-released; volunteers.shift-started' })
  release(
    @CurrentUser() user: AuthenticatedUser,
    @UuidParam('id') id: string,
    @UuidParam('claimId') claimId: string,
  ): Promise<ClaimDto> {
    return this.releaseClaim.execute(user, id, claimId);
  }

  @Get('shifts/:shiftId/check-in-code')
  @RequirePermission(Permission.VolunteersManage)
  @ApiOperation({
    summary: 'The rotating check-in code to show at the post',
    description: "The post's publisher, or staff with volunteers.manage where the post is.",
  })
  @ApiOkResponse({ type: ShiftCheckInCodeDto })
  @ApiNotFoundResponse({ description: 'resource.not-found' })
  checkInCode(
    @CurrentUser() user: AuthenticatedUser,
    @UuidParam('id') id: string,
    @UuidParam('shiftId') shiftId: string,
  ): Promise<ShiftCheckInCodeDto> {
    return this.shifts.checkInCode(user, id, shiftId);
  }

  @Post('shifts/:shiftId/check-in')
  @ThrottleRoute('code')
  @HttpCode(200)
  @AnyAuthenticated()
  @ApiOperation({
    summary: 'Check in to a claimed shift with the code shown at the post',
    description: 'A second check-in keeps the first time.',
  })
  @ApiOkResponse({ type: ClaimDto })
  @ApiBadRequestResponse({
    description: 'volunteers.check-in-code-invalid; volunteers.check-in-too-far; volunteers.check-in-location-required',
  })
  @ApiForbiddenResponse({ description: NOT_LINKED })
  @ApiNotFoundResponse({ description: 'resource.not-found' })
  @ApiConflictResponse({ description: CHECK_IN_REFUSALS })
  checkIn(
    @CurrentUser() user: AuthenticatedUser,
    @UuidParam('id') id: string,
    @UuidParam('shiftId') shiftId: string,
    @Body() body: ShiftCheckInDto,
  ): Promise<ClaimDto> {
    return this.attendanceRecorder.checkIn(user, id, shiftId, body);
  }

  @Post('shifts/:shiftId/check-out')
  @ThrottleRoute('code')
  @HttpCode(200)
  @AnyAuthenticated()
  @ApiOperation({
    summary: 'Check out of a shift with the code shown at the post',
    description: 'The latest check-out counts.',
  })
  @ApiOkResponse({ type: ClaimDto })
  @ApiBadRequestResponse({
    description: 'volunteers.check-in-code-invalid; volunteers.check-in-too-far; volunteers.check-in-location-required',
  })
  @ApiForbiddenResponse({ description: NOT_LINKED })
  @ApiNotFoundResponse({ description: 'resource.not-found' })
  @ApiConflictResponse({ description: CHECK_IN_REFUSALS })
  checkOut(
    @CurrentUser() user: AuthenticatedUser,
    @UuidParam('id') id: string,
    @UuidParam('shiftId') shiftId: string,
    @Body() body: ShiftCheckInDto,
  ): Promise<ClaimDto> {
    return this.attendanceRecorder.checkOut(user, id, shiftId, body);
  }

  @Post('shifts/:shiftId/verify')
  @HttpCode(200)
  @RequirePermission(Permission.VolunteersManage)
  @ApiOperation({
    summary: "Verify the shift's hours (once per attendance): points events and profile hours follow",
    description:
      "Staff with volunteers.verify where the post is, or the post's publisher (the route needs volunteers.manage). Publishes volunteers.post.shift-completed and volunteers.service.verified per person with hours. Audited as volunteers.shift-verified.",
  })
  @ApiOkResponse({ type: ShiftVerifyResultDto })
  @ApiBadRequestResponse({ description: 'validation.failed (hours without reason)' })
  @ApiNotFoundResponse({ description: 'resource.not-found' })
  @ApiConflictResponse({
    description: 'volunteers.shift-not-started; volunteers.not-signed-up; volunteers.not-checked-out',
  })
  verify(
    @CurrentUser() user: AuthenticatedUser,
    @UuidParam('id') id: string,
    @UuidParam('shiftId') shiftId: string,
    @Body() body: VerifyShiftDto,
  ): Promise<ShiftVerifyResultDto> {
    return this.verifyShift.execute(user, id, shiftId, body);
  }

  @Get('shifts/:shiftId/attendance')
  @RequirePermission(Permission.VolunteersRead)
  @ApiOperation({
    summary: "A shift's claims with check-in, check-out and verified hours",
    description: "The post's publisher, or staff with volunteers.read where the post is.",
  })
  @ApiOkResponse({ type: ShiftAttendanceDto })
  @ApiNotFoundResponse({ description: 'resource.not-found' })
  attendance(
    @CurrentUser() user: AuthenticatedUser,
    @UuidParam('id') id: string,
    @UuidParam('shiftId') shiftId: string,
  ): Promise<ShiftAttendanceDto> {
    return this.shifts.attendance(user, id, shiftId);
  }
}
