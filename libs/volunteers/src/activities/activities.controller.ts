import { Body, Controller, Get, Post, Query } from '@nestjs/common';
import {
  ApiBadRequestResponse,
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
import { ActivitiesService } from './activities.service';
import { ActivitiesQueryDto } from './dto/activities-query.dto';
import { ActivityDto, ActivityPageDto } from './dto/activity.dto';
import { AttendanceQueryDto } from './dto/attendance-query.dto';
import { AttendancePageDto } from './dto/attendance.dto';
import { CheckInCodeDto } from './dto/check-in-code.dto';
import { CreateActivityDto } from './dto/create-activity.dto';
import { CreateActivityUseCase } from './usecases/create-activity.usecase';

@ApiTags('volunteers/activities')
@Controller('volunteers/activities')
export class ActivitiesController {
  constructor(
    private readonly activities: ActivitiesService,
    private readonly createActivity: CreateActivityUseCase,
  ) {}

  @Post()
  @RequirePermission(Permission.VolunteersManage)
  @ApiOperation({
    summary: 'Publish an activity (邻里活动, 主题党日, 志愿服务日); you become its organizer',
    description: 'Audited as volunteers.activity-created.',
  })
  @ApiCreatedResponse({ type: ActivityDto })
  @ApiBadRequestResponse({
    description:
      'validation.failed; volunteers.activity-times: ends before it starts, or the deadline is after the end',
  })
  @ApiNotFoundResponse({ description: 'resource.not-found: the unit is unknown or outside your scope' })
  create(@CurrentUser() user: AuthenticatedUser, @Body() body: CreateActivityDto): Promise<ActivityDto> {
    return this.createActivity.execute(user, body);
  }

  @Get()
  @AnyAuthenticated()
  @ApiOperation({
    summary: 'Activities you may see, soonest first',
    description:
      'Staff: activities at units in their volunteers.read scope. Residents: those of the community they live in, those at units above their home, and those they signed up to.',
  })
  @ApiOkResponse({ type: ActivityPageDto })
  list(@CurrentUser() user: AuthenticatedUser, @Query() query: ActivitiesQueryDto): Promise<ActivityPageDto> {
    return this.activities.list(user, query);
  }

  @Get(':id')
  @AnyAuthenticated()
  @ApiOperation({ summary: 'One activity (404 when you may not see it)' })
  @ApiOkResponse({ type: ActivityDto })
  get(@CurrentUser() user: AuthenticatedUser, @UuidParam('id') id: string): Promise<ActivityDto> {
    return this.activities.get(user, id);
  }

  @Get(':id/check-in-code')
  @RequirePermission(Permission.VolunteersManage)
  @ApiOperation({
    summary: 'The check-in code to show at the venue now (the organizer, or volunteers.manage in scope)',
    description: 'Six digits, replaced every 2 minutes; the previous one stays valid.',
  })
  @ApiOkResponse({ type: CheckInCodeDto })
  checkInCode(@CurrentUser() user: AuthenticatedUser, @UuidParam('id') id: string): Promise<CheckInCodeDto> {
    return this.activities.checkInCode(user, id);
  }

  @Get(':id/attendance')
  @RequirePermission(Permission.VolunteersRead)
  @ApiOperation({
    summary:
      'Sign-ups in queue order: confirmed, waitlisted (with positions) and cancelled, with check-in/out, hours and verification',
  })
  @ApiOkResponse({ type: AttendancePageDto })
  attendance(
    @CurrentUser() user: AuthenticatedUser,
    @UuidParam('id') id: string,
    @Query() query: AttendanceQueryDto,
  ): Promise<AttendancePageDto> {
    return this.activities.attendance(user, id, query);
  }
}
