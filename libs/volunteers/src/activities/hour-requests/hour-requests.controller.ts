import { Body, Controller, Get, HttpCode, Post, Query } from '@nestjs/common';
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
  UuidParam,
} from '@linli/platform';
import { ApproveHourRequestDto } from './dto/approve-hour-request.dto';
import { CreateHourRequestDto } from './dto/create-hour-request.dto';
import { HourRequestDto, HourRequestPageDto } from './dto/hour-request.dto';
import { HourRequestsQueryDto } from './dto/hour-requests-query.dto';
import { RejectHourRequestDto } from './dto/reject-hour-request.dto';
import { HourRequestsService } from './hour-requests.service';

@ApiTags('volunteers/activities')
@Controller('volunteers/hour-requests')
export class HourRequestsController {
  constructor(private readonly requests: HourRequestsService) {}

  @Post()
  @AnyAuthenticated()
  @ApiOperation({ summary: 'Report off-site service hours for approval (自报时长; your own, as a linked resident)' })
  @ApiCreatedResponse({ type: HourRequestDto })
  @ApiBadRequestResponse({ description: 'validation.failed; volunteers.hour-request-future: the date is after today' })
  @ApiForbiddenResponse({ description: 'volunteers.person-not-linked: the account acts for no person' })
  @ApiNotFoundResponse({ description: 'resource.not-found: unknown unit' })
  create(@CurrentUser() user: AuthenticatedUser, @Body() body: CreateHourRequestDto): Promise<HourRequestDto> {
    return this.requests.create(user, body);
  }

  @Get()
  @AnyAuthenticated()
  @ApiOperation({
    summary: 'Hour requests: staff see those at units in their volunteers.read scope, everyone their own; newest first',
  })
  @ApiOkResponse({ type: HourRequestPageDto })
  list(@CurrentUser() user: AuthenticatedUser, @Query() query: HourRequestsQueryDto): Promise<HourRequestPageDto> {
    return this.requests.list(user, query);
  }

  @Post(':id/approve')
  @RequirePermission(Permission.VolunteersVerify)
  @HttpCode(200)
  @ApiOperation({
    summary: 'Approve an hour request (optionally with other hours)',
    description:
      'Publishes volunteers.service.verified (source hour-request) and adds the hours to the profile; audited. Approving again changes nothing.',
  })
  @ApiOkResponse({ type: HourRequestDto })
  @ApiConflictResponse({ description: 'volunteers.hour-request-decided: rejected already' })
  approve(
    @CurrentUser() user: AuthenticatedUser,
    @UuidParam('id') id: string,
    @Body() body: ApproveHourRequestDto,
  ): Promise<HourRequestDto> {
    return this.requests.approve(user, id, body);
  }

  @Post(':id/reject')
  @RequirePermission(Permission.VolunteersVerify)
  @HttpCode(200)
  @ApiOperation({ summary: 'Reject an hour request with a reason', description: 'Audited; the requester is notified.' })
  @ApiOkResponse({ type: HourRequestDto })
  @ApiConflictResponse({ description: 'volunteers.hour-request-decided: approved already' })
  reject(
    @CurrentUser() user: AuthenticatedUser,
    @UuidParam('id') id: string,
    @Body() body: RejectHourRequestDto,
  ): Promise<HourRequestDto> {
    return this.requests.reject(user, id, body);
  }
}
