import { Body, Controller, Delete, Get, HttpCode, Post, Put, Query } from '@nestjs/common';
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
import { LinkPersonDto } from '../dto/link-person.dto';
import { ResetPasswordDto } from '../dto/reset-password.dto';
import { ResetPasswordResultDto } from '../dto/reset-password-result.dto';
import { Permission } from '../permissions';
import { CreateUserUseCase } from '../usecases/create-user.usecase';
import { GrantRoleUseCase } from '../usecases/grant-role.usecase';
import { RevokeGrantUseCase } from '../usecases/revoke-grant.usecase';
import { LinkPersonUseCase } from '../usecases/link-person.usecase';
import { ResetPasswordUseCase } from '../usecases/reset-password.usecase';
import { SetAccountActiveUseCase } from '../usecases/set-account-active.usecase';
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
    private readonly linkPerson: LinkPersonUseCase,
    private readonly setActive: SetAccountActiveUseCase,
    private readonly resetPassword: ResetPasswordUseCase,
  ) {}

  @Post()
  @RequirePermission(Permission.UsersManage)
  @ApiOperation({ summary: 'Create an account in your scope', description: 'Audited as users.created.' })
  @ApiCreatedResponse({ type: UserDto })
  @ApiNotFoundResponse({ description: 'resource.not-found: unitId or personId unknown or outside your scope' })
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

  @Put(':id/person')
  @RequirePermission(Permission.UsersManage)
  @ApiOperation({
    summary: 'Link an account of your scope to a person of your scope',
    description: 'Audited as users.person-linked (with the previous person, if any).',
  })
  @ApiOkResponse({ type: UserDto })
  @ApiNotFoundResponse({ description: 'resource.not-found: account or person unknown or outside your scope' })
  @ApiConflictResponse({ description: 'users.person-already-linked: the person has another account' })
  link(
    @CurrentUser() caller: AuthenticatedUser,
    @UuidParam('id') id: string,
    @Body() body: LinkPersonDto,
  ): Promise<UserDto> {
    return this.linkPerson.link(caller, id, body.personId);
  }

  @Delete(':id/person')
  @RequirePermission(Permission.UsersManage)
  @HttpCode(204)
  @ApiOperation({ summary: 'Unlink an account from its person', description: 'Audited as users.person-unlinked.' })
  @ApiNoContentResponse()
  async unlink(@CurrentUser() caller: AuthenticatedUser, @UuidParam('id') id: string): Promise<void> {
    await this.linkPerson.unlink(caller, id);
  }

  @Post(':id/deactivate')
  @RequirePermission(Permission.UsersManage)
  @HttpCode(200)
  @ApiOperation({
    summary: 'Deactivate an account of your scope',
    description:
      'Its tokens are refused at once (401) and stay dead; login answers 403 auth.account-deactivated. Audited as users.deactivated.',
  })
  @ApiOkResponse({ type: UserDto })
  @ApiConflictResponse({ description: 'users.own-account-deactivation / users.last-administrator' })
  deactivate(@CurrentUser() caller: AuthenticatedUser, @UuidParam('id') id: string): Promise<UserDto> {
    return this.setActive.execute(caller, id, false);
  }

  @Post(':id/reactivate')
  @RequirePermission(Permission.UsersManage)
  @HttpCode(200)
  @ApiOperation({
    summary: 'Reactivate an account of your scope',
    description: 'It logs in again; tokens issued before the deactivation stay dead. Audited as users.reactivated.',
  })
  @ApiOkResponse({ type: UserDto })
  reactivate(@CurrentUser() caller: AuthenticatedUser, @UuidParam('id') id: string): Promise<UserDto> {
    return this.setActive.execute(caller, id, true);
  }

  @Post(':id/password-reset')
  @RequirePermission(Permission.UsersManage)
  @HttpCode(200)
  @ApiOperation({
    summary: "Reset another account's password",
    description:
      'Sets the given temporary password or a generated one (answered once); every token dies and the owner must change it before anything else (403 auth.password-change-required). Audited as users.password-reset.',
  })
  @ApiOkResponse({ type: ResetPasswordResultDto })
  @ApiConflictResponse({ description: 'users.own-password-reset: use POST /auth/password for your own' })
  reset(
    @CurrentUser() caller: AuthenticatedUser,
    @UuidParam('id') id: string,
    @Body() body: ResetPasswordDto,
  ): Promise<ResetPasswordResultDto> {
    return this.resetPassword.execute(caller, id, body);
  }
}
