import { Body, Controller, Get, HttpCode, Patch, Post } from '@nestjs/common';
import { ApiBadRequestResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  AnyAuthenticated,
  AuthenticatedUser,
  CurrentUser,
  Permission,
  RequirePermission,
  UuidParam,
} from '@linli/platform';
import { ChangePropertyPartOwnersDto } from './dto/change-property-part-owners.dto';
import { PropertyPartDto } from './dto/property-part.dto';
import { UpdatePropertyPartDto } from './dto/update-property-part.dto';
import { PartsService } from './parts.service';
import { ChangePropertyPartUseCase } from './usecases/change-property-part.usecase';

@ApiTags('property-governance/parts')
@Controller('property/parts')
export class PropertyPartsController {
  constructor(
    private readonly parts: PartsService,
    private readonly changes: ChangePropertyPartUseCase,
  ) {}

  @Get(':id')
  @AnyAuthenticated()
  @ApiOperation({ summary: 'One part with its current owners and its ownership history (staff, or a current owner)' })
  @ApiOkResponse({ type: PropertyPartDto })
  @ApiNotFoundResponse({ description: 'resource.not-found' })
  one(@CurrentUser() user: AuthenticatedUser, @UuidParam('id') id: string): Promise<PropertyPartDto> {
    return this.parts.one(user, id);
  }

  @Patch(':id')
  @RequirePermission(Permission.PropertyManage)
  @ApiOperation({ summary: 'Correct a part’s area, area source or status. Audited as property.part-updated.' })
  @ApiOkResponse({ type: PropertyPartDto })
  @ApiBadRequestResponse({ description: 'property.part-area; property.developer-part-owners (unsold with owners)' })
  @ApiNotFoundResponse({ description: 'resource.not-found' })
  async update(
    @CurrentUser() user: AuthenticatedUser,
    @UuidParam('id') id: string,
    @Body() body: UpdatePropertyPartDto,
  ): Promise<PropertyPartDto> {
    await this.changes.update(user, id, body);
    return this.parts.one(user, id);
  }

  @Post(':id/owners')
  @HttpCode(200)
  @RequirePermission(Permission.PropertyManage)
  @ApiOperation({
    summary: 'Ownership change (过户): end the current owners on changedOn, start the new ones',
    description: 'History is kept; ballots already cast stand. Audited as property.part-owners-changed.',
  })
  @ApiOkResponse({ type: PropertyPartDto })
  @ApiBadRequestResponse({ description: 'property.ownership-date; property.developer-part-owners' })
  @ApiNotFoundResponse({ description: 'resource.not-found: the part or a new owner is outside your scope' })
  async changeOwners(
    @CurrentUser() user: AuthenticatedUser,
    @UuidParam('id') id: string,
    @Body() body: ChangePropertyPartOwnersDto,
  ): Promise<PropertyPartDto> {
    await this.changes.changeOwners(user, id, body);
    return this.parts.one(user, id);
  }
}
