import { Body, Controller, Get, Patch, Post, Query } from '@nestjs/common';
import {
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { AuthenticatedUser, CurrentUser, Permission, RequirePermission, UuidParam } from '@linli/platform';
import { AppointOfficerDto } from './dto/appoint-officer.dto';
import { CreatePartyOrganizationDto } from './dto/create-party-organization.dto';
import { OfficerListDto } from './dto/officer-list.dto';
import { OfficerDto } from './dto/officer.dto';
import { PartyOrganizationPageDto } from './dto/party-organization-page.dto';
import { PartyOrganizationDto } from './dto/party-organization.dto';
import { PartyOrganizationsQueryDto } from './dto/party-organizations-query.dto';
import { UpdatePartyOrganizationDto } from './dto/update-party-organization.dto';
import { PartyOrganizationsService } from './party-organizations.service';
import { AppointOfficerUseCase } from './usecases/appoint-officer.usecase';
import { CreatePartyOrganizationUseCase } from './usecases/create-party-organization.usecase';
import { UpdatePartyOrganizationUseCase } from './usecases/update-party-organization.usecase';

@ApiTags('organization/party-organizations')
@Controller('party-organizations')
export class PartyOrganizationsController {
  constructor(
    private readonly organizations: PartyOrganizationsService,
    private readonly createOrganization: CreatePartyOrganizationUseCase,
    private readonly updateOrganization: UpdatePartyOrganizationUseCase,
    private readonly appointOfficer: AppointOfficerUseCase,
  ) {}

  @Post()
  @RequirePermission(Permission.OrganizationsManage)
  @ApiOperation({
    summary: 'Set up a party organization at a unit of your scope',
    description: 'Publishes organization.organization.created; audited as organizations.created.',
  })
  @ApiCreatedResponse({ type: PartyOrganizationDto })
  @ApiNotFoundResponse({ description: 'resource.not-found: a unit or the parent is unknown or outside your scope' })
  @ApiConflictResponse({ description: 'organization.code-taken' })
  create(
    @CurrentUser() user: AuthenticatedUser,
    @Body() body: CreatePartyOrganizationDto,
  ): Promise<PartyOrganizationDto> {
    return this.createOrganization.execute(user, body);
  }

  @Get()
  @RequirePermission(Permission.OrganizationsRead)
  @ApiOperation({ summary: 'Party organizations anchored in your scope (or below unitId), by name' })
  @ApiOkResponse({ type: PartyOrganizationPageDto })
  list(
    @CurrentUser() user: AuthenticatedUser,
    @Query() query: PartyOrganizationsQueryDto,
  ): Promise<PartyOrganizationPageDto> {
    return this.organizations.list(user, query);
  }

  @Get(':id')
  @RequirePermission(Permission.OrganizationsRead)
  @ApiOperation({ summary: 'One party organization with its covered units, counts and current officers' })
  @ApiOkResponse({ type: PartyOrganizationDto })
  get(@CurrentUser() user: AuthenticatedUser, @UuidParam('id') id: string): Promise<PartyOrganizationDto> {
    return this.organizations.get(user, id);
  }

  @Patch(':id')
  @RequirePermission(Permission.OrganizationsManage)
  @ApiOperation({
    summary: 'Change name, code, kind, parent or covered units',
    description:
      'A kind change publishes organization.organization.kind-changed; coveredUnitIds replaces the set. Audited as organizations.updated.',
  })
  @ApiOkResponse({ type: PartyOrganizationDto })
  @ApiConflictResponse({ description: 'organization.code-taken / organization.children-conflict' })
  update(
    @CurrentUser() user: AuthenticatedUser,
    @UuidParam('id') id: string,
    @Body() body: UpdatePartyOrganizationDto,
  ): Promise<PartyOrganizationDto> {
    return this.updateOrganization.execute(user, id, body);
  }

  @Post(':id/officers')
  @RequirePermission(Permission.OrganizationsManage)
  @ApiOperation({
    summary: 'Appoint an officer (secretary, deputy secretary, committee member) for a term',
    description:
      "A new secretary ends the previous one's tenure (kept as history). Audited as organizations.officer-appointed.",
  })
  @ApiCreatedResponse({ type: OfficerDto })
  appoint(
    @CurrentUser() user: AuthenticatedUser,
    @UuidParam('id') id: string,
    @Body() body: AppointOfficerDto,
  ): Promise<OfficerDto> {
    return this.appointOfficer.execute(user, id, body);
  }

  @Get(':id/officers')
  @RequirePermission(Permission.OrganizationsRead)
  @ApiOperation({ summary: 'Officers of an organization, current and past' })
  @ApiOkResponse({ type: OfficerListDto })
  officers(@CurrentUser() user: AuthenticatedUser, @UuidParam('id') id: string): Promise<OfficerListDto> {
    return this.organizations.officers(user, id);
  }
}
