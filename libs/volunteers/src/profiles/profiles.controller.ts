import { Body, Controller, Get, Patch, Post, Query } from '@nestjs/common';
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
  PageQueryDto,
  Permission,
  RequirePermission,
  UuidParam,
} from '@linli/platform';
import { ChangeStageDto } from './dto/change-stage.dto';
import { CreateProfileDto } from './dto/create-profile.dto';
import { ProfileDto, ProfilePageDto } from './dto/profile.dto';
import { ProfilesQueryDto } from './dto/profiles-query.dto';
import { StageChangeDto, StageChangePageDto } from './dto/stage-change.dto';
import { UpdateProfileDto } from './dto/update-profile.dto';
import { ProfilesService } from './profiles.service';
import { ChangeStageUseCase } from './usecases/change-stage.usecase';
import { RegisterProfileUseCase } from './usecases/register-profile.usecase';
import { UpdateProfileUseCase } from './usecases/update-profile.usecase';

const OWN_OR_SCOPE =
  'Allowed to the volunteer themselves (the account linked to the person) or with volunteers.read where the home unit is; 404 otherwise.';

@ApiTags('volunteers/profiles')
@Controller('volunteers/profiles')
export class ProfilesController {
  constructor(
    private readonly profiles: ProfilesService,
    private readonly register: RegisterProfileUseCase,
    private readonly updater: UpdateProfileUseCase,
    private readonly stages: ChangeStageUseCase,
  ) {}

  @Get()
  @RequirePermission(Permission.VolunteersRead)
  @ApiOperation({
    summary:
      'Volunteers whose home unit is in your scope (or below unitId), newest first; by skill, availability, stage, name prefix',
  })
  @ApiOkResponse({ type: ProfilePageDto })
  list(@CurrentUser() user: AuthenticatedUser, @Query() query: ProfilesQueryDto): Promise<ProfilePageDto> {
    return this.profiles.list(user, query);
  }

  @Get('me')
  @AnyAuthenticated()
  @ApiOperation({ summary: 'My volunteer profile' })
  @ApiOkResponse({ type: ProfileDto })
  @ApiForbiddenResponse({ description: 'volunteers.person-not-linked: the account acts for no person' })
  @ApiNotFoundResponse({ description: 'resource.not-found: not registered yet' })
  mine(@CurrentUser() user: AuthenticatedUser): Promise<ProfileDto> {
    return this.profiles.mine(user);
  }

  @Get(':id')
  @AnyAuthenticated()
  @ApiOperation({ summary: 'One volunteer profile', description: OWN_OR_SCOPE })
  @ApiOkResponse({ type: ProfileDto })
  get(@CurrentUser() user: AuthenticatedUser, @UuidParam('id') id: string): Promise<ProfileDto> {
    return this.profiles.get(user, id);
  }

  @Post()
  @AnyAuthenticated()
  @ApiOperation({
    summary: 'Register as a volunteer (yourself), or register a person (staff with volunteers.manage)',
    description:
      'Without personId: the person your account acts for (403 volunteers.person-not-linked otherwise). With another personId: volunteers.manage where the person resides and at unitId. Audited as volunteers.profile-registered.',
  })
  @ApiCreatedResponse({ type: ProfileDto })
  @ApiBadRequestResponse({
    description: 'volunteers.unknown-skill (with `unknown`: the codes outside the taxonomy) / validation.failed',
  })
  @ApiForbiddenResponse({
    description: 'volunteers.person-not-linked / auth.forbidden (registering someone else without volunteers.manage)',
  })
  @ApiNotFoundResponse({ description: 'resource.not-found: the unit or the person is unknown or outside your scope' })
  @ApiConflictResponse({ description: 'volunteers.profile-exists (with `profileId`): one profile per person' })
  create(@CurrentUser() user: AuthenticatedUser, @Body() body: CreateProfileDto): Promise<ProfileDto> {
    return this.register.execute(user, body);
  }

  @Patch(':id')
  @AnyAuthenticated()
  @ApiOperation({
    summary: 'Change skills, availability, home unit or bio',
    description:
      'By the volunteer themselves, or with volunteers.manage where the profile is (and at the new home unit). Audited as volunteers.profile-updated.',
  })
  @ApiOkResponse({ type: ProfileDto })
  @ApiBadRequestResponse({ description: 'volunteers.unknown-skill / validation.failed' })
  update(
    @CurrentUser() user: AuthenticatedUser,
    @UuidParam('id') id: string,
    @Body() body: UpdateProfileDto,
  ): Promise<ProfileDto> {
    return this.updater.execute(user, id, body);
  }

  @Post(':id/stage')
  @RequirePermission(Permission.VolunteersVerify)
  @ApiOperation({
    summary: 'Move a volunteer along the growth path (成长路径), with a reason',
    description: 'volunteers.verify where the profile is. Audited as volunteers.stage-changed.',
  })
  @ApiCreatedResponse({ type: StageChangeDto })
  @ApiConflictResponse({ description: 'volunteers.stage-unchanged: already at that stage' })
  changeStage(
    @CurrentUser() user: AuthenticatedUser,
    @UuidParam('id') id: string,
    @Body() body: ChangeStageDto,
  ): Promise<StageChangeDto> {
    return this.stages.execute(user, id, body);
  }

  @Get(':id/stage-changes')
  @AnyAuthenticated()
  @ApiOperation({ summary: 'The growth-path history of a volunteer, newest first', description: OWN_OR_SCOPE })
  @ApiOkResponse({ type: StageChangePageDto })
  stageChanges(
    @CurrentUser() user: AuthenticatedUser,
    @UuidParam('id') id: string,
    @Query() query: PageQueryDto,
  ): Promise<StageChangePageDto> {
    return this.profiles.stageChanges(user, id, query);
  }
}
