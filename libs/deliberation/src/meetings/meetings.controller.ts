import { Body, Controller, Get, HttpCode, Post, Query } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiCreatedResponse,
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
import { MeetingCheckInCodeDto } from './dto/meeting-check-in.dto';
import { CreateMeetingDto } from './dto/create-meeting.dto';
import { MeetingDetailDto, MeetingPageDto } from './dto/meeting.dto';
import { MeetingsQueryDto } from './dto/meetings-query.dto';
import { RecordMinutesDto } from './dto/minutes.dto';
import { MeetingsService } from './meetings.service';
import { CreateMeetingUseCase } from './usecases/create-meeting.usecase';
import { RecordMinutesUseCase } from './usecases/record-minutes.usecase';

@ApiTags('deliberation/meetings')
@Controller('deliberation/meetings')
export class MeetingsController {
  constructor(
    private readonly meetings: MeetingsService,
    private readonly createMeeting: CreateMeetingUseCase,
    private readonly recordMinutes: RecordMinutesUseCase,
  ) {}

  @Post()
  @RequirePermission(Permission.DeliberationManage)
  @ApiOperation({
    summary: 'Call a meeting (居民会议, 居民代表会议, 民情恳谈会, 事务听评会, 党建联席会议, 协商议事会, 线上议事厅)',
    description:
      "The kind's notice period must fit before the start; agenda topics must be active, in the resolution step, at the unit or below. " +
      'A joint meeting (community only) is chaired by the next member in the rotation. Audited as deliberation.meeting-created.',
  })
  @ApiCreatedResponse({ type: MeetingDetailDto })
  @ApiBadRequestResponse({
    description:
      'validation.failed; deliberation.meeting-times; deliberation.unit-kind; deliberation.meeting-unit-kind; deliberation.agenda-topic-outside-unit',
  })
  @ApiConflictResponse({
    description:
      'deliberation.meeting-notice-too-short (with earliestStart); deliberation.action-not-allowed / deliberation.topic-inactive: an agenda topic',
  })
  @ApiNotFoundResponse({ description: 'resource.not-found: the unit or a topic is unknown or outside your scope' })
  create(@CurrentUser() user: AuthenticatedUser, @Body() body: CreateMeetingDto): Promise<MeetingDetailDto> {
    return this.createMeeting.execute(user, body);
  }

  @Get()
  @AnyAuthenticated()
  @ApiOperation({
    summary: 'Meetings you may see, latest start first',
    description:
      'Staff: in their deliberation.read scope. Residents: those at the unit they live in or above it, and the open forms (民情恳谈会, 协商议事会, 线上议事厅) anywhere in their community.',
  })
  @ApiOkResponse({ type: MeetingPageDto })
  list(@CurrentUser() user: AuthenticatedUser, @Query() query: MeetingsQueryDto): Promise<MeetingPageDto> {
    return this.meetings.list(user, query);
  }

  @Get(':id')
  @AnyAuthenticated()
  @ApiOperation({
    summary:
      'One meeting with its agenda, attendance count, quorum for its kind and minutes (404 when you may not see it)',
  })
  @ApiOkResponse({ type: MeetingDetailDto })
  get(@CurrentUser() user: AuthenticatedUser, @UuidParam('id') id: string): Promise<MeetingDetailDto> {
    return this.meetings.get(user, id);
  }

  @Post(':id/cancel')
  @RequirePermission(Permission.DeliberationManage)
  @HttpCode(200)
  @ApiOperation({ summary: 'Cancel a meeting not held yet', description: 'Audited as deliberation.meeting-cancelled.' })
  @ApiOkResponse({ type: MeetingDetailDto })
  @ApiConflictResponse({ description: 'deliberation.meeting-not-scheduled: cancelled or held already' })
  cancel(@CurrentUser() user: AuthenticatedUser, @UuidParam('id') id: string): Promise<MeetingDetailDto> {
    return this.meetings.cancel(user, id);
  }

  @Get(':id/check-in-code')
  @RequirePermission(Permission.DeliberationManage)
  @ApiOperation({
    summary: 'The check-in code to show at the venue now',
    description: 'Six digits, replaced every 2 minutes; the previous one stays valid.',
  })
  @ApiOkResponse({ type: MeetingCheckInCodeDto })
  checkInCode(@CurrentUser() user: AuthenticatedUser, @UuidParam('id') id: string): Promise<MeetingCheckInCodeDto> {
    return this.meetings.checkInCode(user, id);
  }

  @Post(':id/minutes')
  @RequirePermission(Permission.DeliberationManage)
  @ApiOperation({
    summary: 'Record the minutes (纪要): summary, a decision per agenda topic, follow-ups; the meeting becomes held',
    description:
      'Once, after the start. The attendee count is taken from the attendance. Audited as deliberation.meeting-minutes-recorded.',
  })
  @ApiCreatedResponse({ type: MeetingDetailDto })
  @ApiBadRequestResponse({ description: 'validation.failed; deliberation.minutes-topic-not-on-agenda' })
  @ApiConflictResponse({
    description:
      'deliberation.minutes-recorded; deliberation.meeting-not-started; deliberation.meeting-not-scheduled (cancelled)',
  })
  minutes(
    @CurrentUser() user: AuthenticatedUser,
    @UuidParam('id') id: string,
    @Body() body: RecordMinutesDto,
  ): Promise<MeetingDetailDto> {
    return this.recordMinutes.execute(user, id, body);
  }
}
