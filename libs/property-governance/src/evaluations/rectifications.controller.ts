import { Body, Controller, Get, HttpCode, Post, Query } from '@nestjs/common';
import {
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
import {
  AddRectificationFollowUpDto,
  CloseRectificationDto,
  PropertyRectificationDto,
  PropertyRectificationPageDto,
  PropertyRectificationsQueryDto,
} from './dto/property-rectification.dto';
import { RectificationsService } from './rectifications.service';

@ApiTags('property-governance/rectifications')
@Controller('property/rectifications')
export class RectificationsController {
  constructor(private readonly rectifications: RectificationsService) {}

  @Get()
  @AnyAuthenticated()
  @ApiOperation({ summary: 'Rectification orders you may see (staff in scope, owners of the complex), newest first' })
  @ApiOkResponse({ type: PropertyRectificationPageDto })
  @ApiNotFoundResponse({ description: 'resource.not-found: the unit' })
  list(
    @CurrentUser() user: AuthenticatedUser,
    @Query() query: PropertyRectificationsQueryDto,
  ): Promise<PropertyRectificationPageDto> {
    return this.rectifications.list(user, query);
  }

  @Post(':id/follow-ups')
  @RequirePermission(Permission.PropertyManage)
  @ApiOperation({
    summary: 'Record a follow-up of an open order',
    description: 'Audited as property.rectification-followed-up.',
  })
  @ApiCreatedResponse({ type: PropertyRectificationDto })
  @ApiNotFoundResponse({ description: 'resource.not-found' })
  @ApiConflictResponse({ description: 'property.rectification-closed' })
  followUp(
    @CurrentUser() user: AuthenticatedUser,
    @UuidParam('id') id: string,
    @Body() body: AddRectificationFollowUpDto,
  ): Promise<PropertyRectificationDto> {
    return this.rectifications.followUp(user, id, body);
  }

  @Post(':id/close')
  @HttpCode(200)
  @RequirePermission(Permission.PropertyDecide)
  @ApiOperation({
    summary: 'Close the order with its outcome: rectified or failed',
    description: 'Audited as property.rectification-closed.',
  })
  @ApiOkResponse({ type: PropertyRectificationDto })
  @ApiNotFoundResponse({ description: 'resource.not-found' })
  @ApiConflictResponse({ description: 'property.rectification-closed' })
  close(
    @CurrentUser() user: AuthenticatedUser,
    @UuidParam('id') id: string,
    @Body() body: CloseRectificationDto,
  ): Promise<PropertyRectificationDto> {
    return this.rectifications.close(user, id, body);
  }
}
