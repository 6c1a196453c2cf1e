import { Body, Controller, Delete, Get, HttpCode, Patch, Post, Query } from '@nestjs/common';
import {
  ApiConflictResponse,
  ApiCreatedResponse,
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
import { AddTeamMemberDto, ChangeTeamRoleDto } from './dto/add-team-member.dto';
import { CreateTeamDto } from './dto/create-team.dto';
import { TeamDto, TeamPageDto } from './dto/team.dto';
import { TeamMemberDto, TeamMemberPageDto } from './dto/team-member.dto';
import { TeamsQueryDto } from './dto/teams-query.dto';
import { TeamsService } from './teams.service';
import { CreateTeamUseCase } from './usecases/create-team.usecase';
import { TeamMembershipUseCase } from './usecases/team-membership.usecase';

@ApiTags('volunteers/teams')
@Controller('volunteers/teams')
export class TeamsController {
  constructor(
    private readonly teams: TeamsService,
    private readonly creator: CreateTeamUseCase,
    private readonly membership: TeamMembershipUseCase,
  ) {}

  @Get()
  @RequirePermission(Permission.VolunteersRead)
  @ApiOperation({ summary: 'Teams at units of your scope (or below unitId), by name' })
  @ApiOkResponse({ type: TeamPageDto })
  list(@CurrentUser() user: AuthenticatedUser, @Query() query: TeamsQueryDto): Promise<TeamPageDto> {
    return this.teams.list(user, query);
  }

  @Post()
  @RequirePermission(Permission.VolunteersManage)
  @ApiOperation({
    summary: 'Form a team (服务队) at a unit of your scope',
    description: 'Audited as volunteers.team-created.',
  })
  @ApiCreatedResponse({ type: TeamDto })
  @ApiNotFoundResponse({ description: 'resource.not-found: the unit is unknown or outside your scope' })
  @ApiConflictResponse({ description: 'volunteers.team-name-taken: the unit has a team of that name' })
  create(@CurrentUser() user: AuthenticatedUser, @Body() body: CreateTeamDto): Promise<TeamDto> {
    return this.creator.execute(user, body);
  }

  @Get(':id')
  @RequirePermission(Permission.VolunteersRead)
  @ApiOperation({ summary: 'One team, with its member count and leader' })
  @ApiOkResponse({ type: TeamDto })
  get(@CurrentUser() user: AuthenticatedUser, @UuidParam('id') id: string): Promise<TeamDto> {
    return this.teams.get(user, id);
  }

  @Get(':id/members')
  @RequirePermission(Permission.VolunteersRead)
  @ApiOperation({ summary: "The team's members in the order they joined" })
  @ApiOkResponse({ type: TeamMemberPageDto })
  members(
    @CurrentUser() user: AuthenticatedUser,
    @UuidParam('id') id: string,
    @Query() query: PageQueryDto,
  ): Promise<TeamMemberPageDto> {
    return this.teams.members(user, id, query);
  }

  @Post(':id/members')
  @RequirePermission(Permission.VolunteersManage)
  @ApiOperation({
    summary: 'Add a person to the team with a role',
    description: 'The person must reside within your volunteers.manage scope. Audited as volunteers.team-member-added.',
  })
  @ApiCreatedResponse({ type: TeamMemberDto })
  @ApiNotFoundResponse({ description: 'resource.not-found: the team or the person is unknown or outside your scope' })
  @ApiConflictResponse({ description: 'volunteers.already-team-member / volunteers.team-leader-taken' })
  addMember(
    @CurrentUser() user: AuthenticatedUser,
    @UuidParam('id') id: string,
    @Body() body: AddTeamMemberDto,
  ): Promise<TeamMemberDto> {
    return this.membership.add(user, id, body);
  }

  @Patch(':id/members/:personId')
  @RequirePermission(Permission.VolunteersManage)
  @ApiOperation({ summary: "Change a member's role", description: 'Audited as volunteers.team-member-role-changed.' })
  @ApiOkResponse({ type: TeamMemberDto })
  @ApiConflictResponse({ description: 'volunteers.team-leader-taken' })
  changeRole(
    @CurrentUser() user: AuthenticatedUser,
    @UuidParam('id') id: string,
    @UuidParam('personId') personId: string,
    @Body() body: ChangeTeamRoleDto,
  ): Promise<TeamMemberDto> {
    return this.membership.changeRole(user, id, personId, body);
  }

  @Delete(':id/members/:personId')
  @RequirePermission(Permission.VolunteersManage)
  @HttpCode(204)
  @ApiOperation({ summary: 'Remove a member from the team', description: 'Audited as volunteers.team-member-removed.' })
  @ApiNoContentResponse({ description: 'Removed' })
  @ApiNotFoundResponse({ description: 'resource.not-found: no such team in your scope, or the person is not a member' })
  removeMember(
    @CurrentUser() user: AuthenticatedUser,
    @UuidParam('id') id: string,
    @UuidParam('personId') personId: string,
  ): Promise<void> {
    return this.membership.remove(user, id, personId);
  }
}
