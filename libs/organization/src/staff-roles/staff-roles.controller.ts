import { Body, Controller, Delete, Get, HttpCode, Post, Query } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { AuthenticatedUser, CurrentUser, Permission, RequirePermission, UuidParam } from '@linli/platform';
import { CreateStaffRoleDto } from './dto/create-staff-role.dto';
import { StaffRolePageDto } from './dto/staff-role-page.dto';
import { StaffRoleDto } from './dto/staff-role.dto';
import { StaffRolesQueryDto } from './dto/staff-roles-query.dto';
import { StaffRolesService } from './staff-roles.service';
import { AppointStaffRoleUseCase } from './usecases/appoint-staff-role.usecase';
import { EndStaffRoleUseCase } from './usecases/end-staff-role.usecase';

@ApiTags('organization/staff-roles')
@Controller('staff-roles')
export class StaffRolesController {
  constructor(
    private readonly staffRoles: StaffRolesService,
    private readonly appointStaffRole: AppointStaffRoleUseCase,
    private readonly endStaffRole: EndStaffRoleUseCase,
  ) {}

  @Post()
  @RequirePermission(Permission.StaffRolesManage)
  @ApiOperation({
    summary: 'Appoint a grid worker, building head, central household or community worker',
    description:
      'When the person has an account, grid_worker brings the kernel role grid_worker at the grid and community_worker brings grid_worker at the community (audited as grants.created). Audited as staff-roles.created.',
  })
  @ApiCreatedResponse({ type: StaffRoleDto })
  @ApiBadRequestResponse({ description: "organization.staff-role-unit-kind: the unit is not of the role's kind" })
  @ApiNotFoundResponse({ description: 'resource.not-found: the unit (in your scope) or the person is unknown' })
  @ApiConflictResponse({ description: 'organization.staff-role-exists' })
  create(@CurrentUser() user: AuthenticatedUser, @Body() body: CreateStaffRoleDto): Promise<StaffRoleDto> {
    return this.appointStaffRole.execute(user, body);
  }

  @Get()
  @RequirePermission(Permission.PeopleRead)
  @ApiOperation({ summary: 'Staff roles held in your scope (or below unitId), current ones unless includeEnded' })
  @ApiOkResponse({ type: StaffRolePageDto })
  list(@CurrentUser() user: AuthenticatedUser, @Query() query: StaffRolesQueryDto): Promise<StaffRolePageDto> {
    return this.staffRoles.list(user, query);
  }

  @Get(':id')
  @RequirePermission(Permission.PeopleRead)
  @ApiOperation({ summary: 'One staff role' })
  @ApiOkResponse({ type: StaffRoleDto })
  get(@CurrentUser() user: AuthenticatedUser, @UuidParam('id') id: string): Promise<StaffRoleDto> {
    return this.staffRoles.get(user, id);
  }

  @Delete(':id')
  @RequirePermission(Permission.StaffRolesManage)
  @HttpCode(204)
  @ApiOperation({
    summary: 'End a staff role and remove the grant it brought',
    description: 'Audited as staff-roles.ended (and grants.revoked).',
  })
  @ApiNoContentResponse()
  @ApiConflictResponse({ description: 'organization.staff-role-ended' })
  async end(@CurrentUser() user: AuthenticatedUser, @UuidParam('id') id: string): Promise<void> {
    await this.endStaffRole.execute(user, id);
  }
}
