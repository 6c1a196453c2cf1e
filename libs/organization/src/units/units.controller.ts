import { Body, Controller, Delete, Get, HttpCode, Patch, Post, Query } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import {
  AuthenticatedUser,
  CurrentUser,
  PageQueryDto,
  Permission,
  RequirePermission,
  UuidParam,
} from '@linli/platform';
import { CreateUnitDto } from './dto/create-unit.dto';
import { MoveUnitDto } from './dto/move-unit.dto';
import { UnitChildrenQueryDto } from './dto/unit-children-query.dto';
import { UnitHitPageDto } from './dto/unit-hit.dto';
import { UnitListDto } from './dto/unit-list.dto';
import { UnitPageDto } from './dto/unit-page.dto';
import { UnitSearchQueryDto } from './dto/unit-search-query.dto';
import { UnitDto } from './dto/unit.dto';
import { UpdateUnitDto } from './dto/update-unit.dto';
import { UnitsFinder } from './finding/units-finder';
import { UnitsService } from './units.service';
import { DeleteUnitUseCase } from './usecases/delete-unit.usecase';
import { MoveUnitUseCase } from './usecases/move-unit.usecase';

@ApiTags('organization/units')
@Controller('units')
export class UnitsController {
  constructor(
    private readonly units: UnitsService,
    private readonly moveUnit: MoveUnitUseCase,
    private readonly deleteUnit: DeleteUnitUseCase,
    private readonly finder: UnitsFinder,
  ) {}

  @Get()
  @RequirePermission(Permission.UnitsRead)
  @ApiOperation({
    summary: 'Your top units: where your grants are (a deployment-wide grant: the cities), by name',
    description: 'Where to start browsing: follow `GET /units/{id}/children` down from here.',
  })
  @ApiOkResponse({ type: UnitPageDto })
  top(@CurrentUser() user: AuthenticatedUser, @Query() query: PageQueryDto): Promise<UnitPageDto> {
    return this.finder.top(user, query);
  }

  @Get('search')
  @RequirePermission(Permission.UnitsRead)
  @ApiOperation({
    summary: 'Units by part of the name or code, within your scope',
    description:
      'Ranked by closeness to your units (fewest levels below the unit you hold units.read at), then whole, start and anywhere matches, then name. Each hit carries its breadcrumb within your scope.',
  })
  @ApiOkResponse({ type: UnitHitPageDto })
  @ApiBadRequestResponse({ description: 'validation.failed: q missing or over 100 characters, an unknown kind' })
  search(@CurrentUser() user: AuthenticatedUser, @Query() query: UnitSearchQueryDto): Promise<UnitHitPageDto> {
    return this.finder.search(user, query);
  }

  @Post()
  @RequirePermission(Permission.UnitsManage)
  @ApiOperation({
    summary: 'Create a unit under a parent of an allowed kind',
    description:
      'Needs units.manage at the parent (a city: a deployment-wide administrator). Audited as units.created.',
  })
  @ApiCreatedResponse({ type: UnitDto })
  @ApiBadRequestResponse({
    description: 'validation.failed / organization.unit-parent-kind / organization.unit-parent-required',
  })
  @ApiForbiddenResponse({
    description: 'organization.unit-parent-forbidden: a city needs a deployment-wide administrator',
  })
  @ApiNotFoundResponse({ description: 'resource.not-found: parent unknown or outside your scope' })
  @ApiConflictResponse({ description: 'organization.unit-code-taken' })
  create(@CurrentUser() user: AuthenticatedUser, @Body() body: CreateUnitDto): Promise<UnitDto> {
    return this.units.create(user, body);
  }

  @Get(':id')
  @RequirePermission(Permission.UnitsRead)
  @ApiOperation({ summary: 'One unit (404 when outside your scope)' })
  @ApiOkResponse({ type: UnitDto })
  @ApiNotFoundResponse({ description: 'resource.not-found' })
  get(@CurrentUser() user: AuthenticatedUser, @UuidParam('id') id: string): Promise<UnitDto> {
    return this.units.read(user, id);
  }

  @Get(':id/ancestors')
  @RequirePermission(Permission.UnitsRead)
  @ApiOperation({
    summary: "A unit's breadcrumb: from your top unit on its line down to the unit itself",
    description: 'Ancestors above your scope are left out, as everywhere else.',
  })
  @ApiOkResponse({ type: UnitListDto })
  @ApiNotFoundResponse({ description: 'resource.not-found' })
  async ancestors(@CurrentUser() user: AuthenticatedUser, @UuidParam('id') id: string): Promise<UnitListDto> {
    return { items: await this.finder.ancestors(user, id) };
  }

  @Get(':id/children')
  @RequirePermission(Permission.UnitsRead)
  @ApiOperation({ summary: 'The direct children of a unit, by name' })
  @ApiOkResponse({ type: UnitPageDto })
  @ApiNotFoundResponse({ description: 'resource.not-found' })
  children(
    @CurrentUser() user: AuthenticatedUser,
    @UuidParam('id') id: string,
    @Query() query: UnitChildrenQueryDto,
  ): Promise<UnitPageDto> {
    return this.units.children(user, id, query);
  }

  @Patch(':id')
  @RequirePermission(Permission.UnitsManage)
  @ApiOperation({
    summary: 'Change name, code or counts of a unit',
    description: 'Kind and parent change only by a move. Audited as units.updated.',
  })
  @ApiOkResponse({ type: UnitDto })
  @ApiNotFoundResponse({ description: 'resource.not-found' })
  @ApiConflictResponse({ description: 'organization.unit-code-taken' })
  update(
    @CurrentUser() user: AuthenticatedUser,
    @UuidParam('id') id: string,
    @Body() body: UpdateUnitDto,
  ): Promise<UnitDto> {
    return this.units.update(user, id, body);
  }

  @Post(':id/move')
  @HttpCode(200)
  @RequirePermission(Permission.UnitsManage)
  @ApiOperation({
    summary: 'Move a unit and its whole subtree under another parent',
    description:
      'Needs units.manage over the current and the new parent. Rewrites every stored path of the subtree in one transaction. Audited as units.moved.',
  })
  @ApiOkResponse({ type: UnitDto })
  @ApiBadRequestResponse({ description: 'validation.failed / organization.unit-parent-kind' })
  @ApiForbiddenResponse({ description: 'organization.unit-parent-forbidden: the current parent is outside your scope' })
  @ApiNotFoundResponse({ description: 'resource.not-found: the unit or the new parent unknown or outside your scope' })
  @ApiConflictResponse({ description: 'organization.unit-move-into-own-subtree' })
  move(
    @CurrentUser() user: AuthenticatedUser,
    @UuidParam('id') id: string,
    @Body() body: MoveUnitDto,
  ): Promise<UnitDto> {
    return this.moveUnit.execute(user, id, body);
  }

  @Delete(':id')
  @HttpCode(204)
  @RequirePermission(Permission.UnitsManage)
  @ApiOperation({
    summary: 'Delete an empty unit',
    description: 'Needs units.manage over the parent. Audited as units.deleted.',
  })
  @ApiNoContentResponse()
  @ApiForbiddenResponse({ description: 'organization.unit-parent-forbidden' })
  @ApiNotFoundResponse({ description: 'resource.not-found' })
  @ApiConflictResponse({
    description: 'organization.unit-not-empty: the detail names what the unit still holds; `holdings` counts it',
  })
  async remove(@CurrentUser() user: AuthenticatedUser, @UuidParam('id') id: string): Promise<void> {
    await this.deleteUnit.execute(user, id);
  }
}
