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
import {
  CreatePropertySeatDto,
  EndPropertySeatDto,
  PropertySeatDto,
  PropertySeatPageDto,
  PropertySeatsQueryDto,
} from './dto/property-seat.dto';
import { SeatsService } from './seats.service';

@ApiTags('property-governance/seats')
@Controller('property/seats')
export class SeatsController {
  constructor(private readonly seats: SeatsService) {}

  @Post()
  @RequirePermission(Permission.PropertyManage)
  @ApiOperation({
    summary:
      'Record who holds a seat of a complex’s body (交叉任职: councils, building heads, owner representatives, the company)',
    description:
      'The branch’s officers and the owners’ committee are read from their own records (400 property.seat-derived). Audited as property.seat-recorded.',
  })
  @ApiCreatedResponse({ type: PropertySeatDto })
  @ApiBadRequestResponse({
    description:
      'validation.failed; property.seat-derived; property.seat-role; property.seat-not-owner; property.seat-dates; property.not-a-complex',
  })
  @ApiForbiddenResponse({ description: 'property.self-authorization: the seat is your own' })
  @ApiNotFoundResponse({
    description: 'resource.not-found: the complex or the person is outside your property.manage scope',
  })
  @ApiConflictResponse({ description: 'property.seat-held: the person holds this seat already' })
  create(@CurrentUser() user: AuthenticatedUser, @Body() body: CreatePropertySeatDto): Promise<PropertySeatDto> {
    return this.seats.create(user, body);
  }

  @Get()
  @AnyAuthenticated()
  @ApiOperation({
    summary: 'Seats you may see, newest first',
    description: 'Staff: in their property.read scope. Owners: of the complexes they own a part of.',
  })
  @ApiOkResponse({ type: PropertySeatPageDto })
  list(@CurrentUser() user: AuthenticatedUser, @Query() query: PropertySeatsQueryDto): Promise<PropertySeatPageDto> {
    return this.seats.list(user, query);
  }

  @Post(':id/end')
  @HttpCode(200)
  @RequirePermission(Permission.PropertyManage)
  @ApiOperation({ summary: 'End a seat (卸任); audited as property.seat-ended' })
  @ApiOkResponse({ type: PropertySeatDto })
  @ApiBadRequestResponse({ description: 'validation.failed; property.seat-dates' })
  @ApiNotFoundResponse({ description: 'resource.not-found: unknown or outside your property.manage scope' })
  @ApiConflictResponse({ description: 'property.seat-ended' })
  end(
    @CurrentUser() user: AuthenticatedUser,
    @UuidParam('id') id: string,
    @Body() body: EndPropertySeatDto,
  ): Promise<PropertySeatDto> {
    return this.seats.end(user, id, body);
  }
}
