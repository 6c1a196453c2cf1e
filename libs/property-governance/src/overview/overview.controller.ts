import { Controller, Get } from '@nestjs/common';
import { ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  AnyAuthenticated,
  AuthenticatedUser,
  CurrentUser,
  Permission,
  RequirePermission,
  UuidParam,
} from '@linli/platform';
import { PropertyCrossAppointmentDto, PropertyOverviewDto } from './dto/property-overview.dto';
import { PropertyOverviewService } from './property-overview.service';

@ApiTags('property-governance/overview')
@Controller('property')
export class OverviewController {
  constructor(private readonly overview: PropertyOverviewService) {}

  @Get('complexes/:complexId/cross-appointment')
  @AnyAuthenticated()
  @ApiOperation({
    summary:
      'Who holds which position across the complex’s branch, committee, councils, building heads, representatives and company',
    description:
      'Staff in property.read scope and owners of the complex. The branch is its own party organization, else its joint branch.',
  })
  @ApiOkResponse({ type: PropertyCrossAppointmentDto })
  @ApiNotFoundResponse({
    description: 'resource.not-found: not a complex, or neither in your scope nor a complex you own a part of',
  })
  crossAppointment(
    @CurrentUser() user: AuthenticatedUser,
    @UuidParam('complexId') complexId: string,
  ): Promise<PropertyCrossAppointmentDto> {
    return this.overview.crossAppointment(user, complexId);
  }

  @Get('units/:id/property-overview')
  @RequirePermission(Permission.PropertyRead)
  @ApiOperation({
    summary:
      'The three carriages of a subtree: 一肩挑 rate, party members in the bodies, complexes lacking a branch, a committee or a company',
  })
  @ApiOkResponse({ type: PropertyOverviewDto })
  @ApiNotFoundResponse({ description: 'resource.not-found: unknown or outside your property.read scope' })
  property(@CurrentUser() user: AuthenticatedUser, @UuidParam('id') id: string): Promise<PropertyOverviewDto> {
    return this.overview.overview(user, id);
  }
}
