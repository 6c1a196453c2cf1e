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
import { CreateInstitutionDto } from './dto/create-institution.dto';
import { InstitutionPageDto } from './dto/institution-page.dto';
import { InstitutionDto } from './dto/institution.dto';
import { InstitutionsQueryDto } from './dto/institutions-query.dto';
import { UpdateInstitutionDto } from './dto/update-institution.dto';
import { InstitutionsService } from './institutions.service';

@ApiTags('organization/institutions')
@Controller('institutions')
export class InstitutionsController {
  constructor(private readonly institutions: InstitutionsService) {}

  @Post()
  @RequirePermission(Permission.InstitutionsManage)
  @ApiOperation({
    summary: 'Register an institution (agency, enterprise, social organization) at a unit of your scope',
    description: 'Audited as institutions.created.',
  })
  @ApiCreatedResponse({ type: InstitutionDto })
  @ApiNotFoundResponse({
    description: 'resource.not-found: the unit or the party organization is unknown or outside your scope',
  })
  @ApiConflictResponse({ description: 'organization.institution-code-taken' })
  create(@CurrentUser() user: AuthenticatedUser, @Body() body: CreateInstitutionDto): Promise<InstitutionDto> {
    return this.institutions.create(user, body);
  }

  @Get()
  @RequirePermission(Permission.OrganizationsRead)
  @ApiOperation({ summary: 'Institutions located in your scope (or below unitId), by name' })
  @ApiOkResponse({ type: InstitutionPageDto })
  list(@CurrentUser() user: AuthenticatedUser, @Query() query: InstitutionsQueryDto): Promise<InstitutionPageDto> {
    return this.institutions.list(user, query);
  }

  @Get(':id')
  @RequirePermission(Permission.OrganizationsRead)
  @ApiOperation({ summary: 'One institution' })
  @ApiOkResponse({ type: InstitutionDto })
  get(@CurrentUser() user: AuthenticatedUser, @UuidParam('id') id: string): Promise<InstitutionDto> {
    return this.institutions.get(user, id);
  }

  @Patch(':id')
  @RequirePermission(Permission.InstitutionsManage)
  @ApiOperation({
    summary: 'Change kind, name, code or its party organization',
    description: 'Audited as institutions.updated.',
  })
  @ApiOkResponse({ type: InstitutionDto })
  @ApiConflictResponse({ description: 'organization.institution-code-taken' })
  update(
    @CurrentUser() user: AuthenticatedUser,
    @UuidParam('id') id: string,
    @Body() body: UpdateInstitutionDto,
  ): Promise<InstitutionDto> {
    return this.institutions.update(user, id, body);
  }
}
