import { Body, Controller, Get, HttpCode, Post, Query } from '@nestjs/common';
import {
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { AuthenticatedUser, CurrentUser, Permission, RequirePermission, UuidParam } from '@linli/platform';
import { CreateDualRegistrationDto } from './dto/create-dual-registration.dto';
import { DualRegistrationPageDto } from './dto/dual-registration-page.dto';
import { DualRegistrationDto } from './dto/dual-registration.dto';
import { DualRegistrationsQueryDto } from './dto/dual-registrations-query.dto';
import { DualRegistrationsService } from './dual-registrations.service';
import { CreateDualRegistrationUseCase } from './usecases/create-dual-registration.usecase';

@ApiTags('organization/dual-registrations')
@Controller('dual-registrations')
export class DualRegistrationsController {
  constructor(
    private readonly registrations: DualRegistrationsService,
    private readonly createRegistration: CreateDualRegistrationUseCase,
  ) {}

  @Post()
  @RequirePermission(Permission.DualRegistrationsManage)
  @ApiOperation({
    summary: "Register an in-service member or an institution's party organization with a community (双报到)",
    description: 'Publishes organization.dual-registration.created; audited as dual-registrations.created.',
  })
  @ApiCreatedResponse({ type: DualRegistrationDto })
  @ApiNotFoundResponse({
    description: 'resource.not-found: the community (in your scope), member, organization or institution is unknown',
  })
  @ApiConflictResponse({
    description: 'organization.dual-registration-exists: an active registration with this community exists',
  })
  create(
    @CurrentUser() user: AuthenticatedUser,
    @Body() body: CreateDualRegistrationDto,
  ): Promise<DualRegistrationDto> {
    return this.createRegistration.execute(user, body);
  }

  @Get()
  @RequirePermission(Permission.OrganizationsRead)
  @ApiOperation({ summary: 'Dual registrations with communities in your scope, newest period first' })
  @ApiOkResponse({ type: DualRegistrationPageDto })
  list(
    @CurrentUser() user: AuthenticatedUser,
    @Query() query: DualRegistrationsQueryDto,
  ): Promise<DualRegistrationPageDto> {
    return this.registrations.list(user, query);
  }

  @Get(':id')
  @RequirePermission(Permission.OrganizationsRead)
  @ApiOperation({ summary: 'One dual registration' })
  @ApiOkResponse({ type: DualRegistrationDto })
  get(@CurrentUser() user: AuthenticatedUser, @UuidParam('id') id: string): Promise<DualRegistrationDto> {
    return this.registrations.get(user, id);
  }

  @Post(':id/end')
  @RequirePermission(Permission.DualRegistrationsManage)
  @HttpCode(200)
  @ApiOperation({
    summary: 'End an active registration (history stays)',
    description: 'Audited as dual-registrations.ended.',
  })
  @ApiOkResponse({ type: DualRegistrationDto })
  @ApiConflictResponse({ description: 'organization.dual-registration-ended' })
  end(@CurrentUser() user: AuthenticatedUser, @UuidParam('id') id: string): Promise<DualRegistrationDto> {
    return this.registrations.end(user, id);
  }
}
