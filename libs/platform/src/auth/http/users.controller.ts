import { Body, Controller, Delete, Get, HttpCode, Post, Query } from '@nestjs/common';
import {
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { RequirePermission } from '../access.decorators';
import { AuthenticatedUser, CurrentUser } from '../authenticated-user';
import { CreateGrantDto } from '../dto/create-grant.dto';
import { CreateUserDto } from '../dto/create-user.dto';
import { GrantDto } from '../dto/grant.dto';
import { UserPageDto } from '../dto/user-page.dto';
import { UserDto } from '../dto/user.dto';
import { UsersQueryDto } from '../dto/users-query.dto';
import { Permission } from '../permissions';
import { CreateUserUseCase } from '../usecases/create-user.usecase';
import { GrantRoleUseCase } from '../usecases/grant-role.usecase';
import { RevokeGrantUseCase } from '../usecases/revoke-grant.usecase';
import { UsersService } from '../users.service';
import { UuidParam } from '../../http/uuid-param';

@ApiTags('users')
@Controller('users')
export class UsersController {
  constructor(
    private readonly users: UsersService,
    private readonly createUser: CreateUserUseCase,
    private readonly grantRole: GrantRoleUseCase,
    private readonly revokeGrant: RevokeGrantUseCase,
  ) {}

  @Post()
  @RequirePermission(Permission.UsersManage)
  @ApiOperation({ summary: 'Create an account in your scope', description: 'Audited as users.created.' })
  @ApiCreatedResponse({ type: UserDto })
  @ApiNotFoundResponse({ description: 'resource.not-found: unitId unknown or outside your scope' })
  @ApiConflictResponse({ description: 'users.username-taken / users.person-already-linked' })
  create(@CurrentUser() caller: AuthenticatedUser, @Body() body: CreateUserDto): Promise<UserDto> {
    return this.createUser.execute(caller, body);
  }

  @Get()
  @RequirePermission(Permission.UsersRead)
  @ApiOperation({ summary: 'Accounts whose home unit is in your scope, by username' })
  @ApiOkResponse({ type: UserPageDto })
  list(@CurrentUser() caller: AuthenticatedUser, @Query() query: UsersQueryDto): Promise<UserPageDto> {
    return this.users.list(caller, query);
  }

  @Get(':id')
  @RequirePermission(Permission.UsersRead)
  @ApiOperation({ summary: 'One account (404 when outside your scope)' })
  @ApiOkResponse({ type: UserDto })
  get(@CurrentUser() caller: AuthenticatedUser, @UuidParam('id') id: string): Promise<UserDto> {
    return this.users.get(caller, id);
  }

  @Post(':id/grants')
  @RequirePermission(Permission.UsersManage)
  @ApiOperation({ summary: 'Grant a role at a unit of your scope', description: 'Audited as grants.created.' })
  @ApiCreatedResponse({ type: GrantDto })
  @ApiConflictResponse({ description: 'grants.duplicate' })
  grant(
    @CurrentUser() caller: AuthenticatedUser,
    @UuidParam('id') id: string,
    @Body() body: CreateGrantDto,
  ): Promise<GrantDto> {
    return this.grantRole.execute(caller, id, body);
  }

  @Delete(':id/grants/:grantId')
  @RequirePermission(Permission.UsersManage)
  @HttpCode(204)
  @ApiOperation({ summary: 'Revoke a grant within your scope', description: 'Audited as grants.revoked.' })
  @ApiNoContentResponse()
  @ApiConflictResponse({ description: 'grants.last-administrator' })
  async revoke(
    @CurrentUser() caller: AuthenticatedUser,
    @UuidParam('id') id: string,
    @UuidParam('grantId') grantId: string,
  ): Promise<void> {
    await this.revokeGrant.execute(caller, id, grantId);
  }
}
