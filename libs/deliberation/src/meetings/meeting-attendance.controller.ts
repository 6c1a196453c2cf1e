import { Body, Controller, Get, HttpCode, Post, Query } from '@nestjs/common';
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
  PageQueryDto,
  Permission,
  RequirePermission,
  ThrottleRoute,
  UuidParam,
} from '@linli/platform';
import { MeetingAttendancePageDto } from './dto/meeting-attendance.dto';
import { MeetingCheckInDto, MeetingCheckInResultDto } from './dto/meeting-check-in.dto';
import { MemberAttendanceDto, RecordMemberAttendanceDto } from './dto/joint-member.dto';
import { RecordAttendanceDto, RecordAttendanceResultDto } from './dto/record-attendance.dto';
import { JointMembersService } from './joint-members.service';
import { MeetingsService } from './meetings.service';
import { RecordAttendanceUseCase } from './usecases/record-attendance.usecase';

@ApiTags('deliberation/meetings')
@Controller('deliberation/meetings')
export class MeetingAttendanceController {
  constructor(
    private readonly attendanceUseCase: RecordAttendanceUseCase,
    private readonly meetings: MeetingsService,
    private readonly jointMembers: JointMembersService,
  ) {}

  @Post(':id/attendance')
  @RequirePermission(Permission.DeliberationManage)
  @HttpCode(200)
  @ApiOperation({
    summary: 'Record people present (from the sign-in sheet); already recorded ones are skipped',
    description:
      'From 30 minutes before the start on. Each newly recorded attendee yields deliberation.meeting.attended. Audited as deliberation.meeting-attendance-recorded.',
  })
  @ApiOkResponse({ type: RecordAttendanceResultDto })
  @ApiForbiddenResponse({ description: 'deliberation.self-authorization: you are among the people' })
  @ApiConflictResponse({
    description: 'deliberation.meeting-not-started; deliberation.meeting-not-scheduled (cancelled)',
  })
  record(
    @CurrentUser() user: AuthenticatedUser,
    @UuidParam('id') id: string,
    @Body() body: RecordAttendanceDto,
  ): Promise<RecordAttendanceResultDto> {
    return this.attendanceUseCase.byStaff(user, id, body);
  }

  @Get(':id/attendance')
  @RequirePermission(Permission.DeliberationRead)
  @ApiOperation({ summary: 'Attendees in the order recorded, with their names' })
  @ApiOkResponse({ type: MeetingAttendancePageDto })
  attendance(
    @CurrentUser() user: AuthenticatedUser,
    @UuidParam('id') id: string,
    @Query() query: PageQueryDto,
  ): Promise<MeetingAttendancePageDto> {
    return this.meetings.attendance(user, id, query);
  }

  @Post(':id/check-in')
  @ThrottleRoute('code')
  @AnyAuthenticated()
  @HttpCode(200)
  @ApiOperation({
    summary: 'Check in with the code shown at the venue (a resident within the unit; the community for open forms)',
    description:
      'From 30 minutes before the start to 30 minutes after the end. The first check-in stands; it yields deliberation.meeting.attended.',
  })
  @ApiOkResponse({ type: MeetingCheckInResultDto })
  @ApiBadRequestResponse({ description: 'deliberation.check-in-code-invalid: wrong or expired code' })
  @ApiForbiddenResponse({ description: 'deliberation.person-not-linked; deliberation.residents-only' })
  @ApiConflictResponse({ description: 'deliberation.check-in-closed: outside the window, or cancelled' })
  checkIn(
    @CurrentUser() user: AuthenticatedUser,
    @UuidParam('id') id: string,
    @Body() body: MeetingCheckInDto,
  ): Promise<MeetingCheckInResultDto> {
    return this.attendanceUseCase.checkIn(user, id, body);
  }

  @Post(':id/member-attendance')
  @RequirePermission(Permission.DeliberationManage)
  @HttpCode(200)
  @ApiOperation({
    summary: "Record a member organization's attendance at a joint meeting (present, excused, absent = unexcused)",
    description:
      'A later record corrects an earlier one. The third unexcused absence in a calendar year flags the member (audited as deliberation.joint-member-flagged).',
  })
  @ApiOkResponse({ type: MemberAttendanceDto })
  @ApiBadRequestResponse({ description: 'deliberation.not-joint-member' })
  @ApiConflictResponse({
    description: 'deliberation.not-joint-meeting; deliberation.meeting-not-scheduled (cancelled)',
  })
  memberAttendance(
    @CurrentUser() user: AuthenticatedUser,
    @UuidParam('id') id: string,
    @Body() body: RecordMemberAttendanceDto,
  ): Promise<MemberAttendanceDto> {
    return this.jointMembers.recordAttendance(user, id, body);
  }
}
