import { Body, Controller, Get, Post, Query } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { AuthenticatedUser, CurrentUser, Permission, RequirePermission, UuidParam } from '@linli/platform';
import { CompaniesService } from './companies.service';
import { CreatePropertyCompanyDto } from './dto/create-property-company.dto';
import { PropertyCompanyDetailDto, PropertyCompanyDto, PropertyCompanyPageDto } from './dto/property-company.dto';
import { PropertyCompaniesQueryDto } from './dto/property-contracts-query.dto';

@ApiTags('property-governance/companies')
@Controller('property/companies')
export class CompaniesController {
  constructor(private readonly companies: CompaniesService) {}

  @Post()
  @RequirePermission(Permission.PropertyCompaniesManage)
  @ApiOperation({
    summary: 'Register a property company (物业服务企业) by its unified social credit code',
    description:
      'The check character is verified (GB 32100-2015). Deployment-wide. Audited as property.company-registered.',
  })
  @ApiCreatedResponse({ type: PropertyCompanyDto })
  @ApiBadRequestResponse({ description: 'validation.failed; property.credit-code-invalid' })
  @ApiNotFoundResponse({ description: 'resource.not-found: the party organization is unknown' })
  @ApiConflictResponse({ description: 'property.company-exists: the credit code is registered already' })
  create(@CurrentUser() user: AuthenticatedUser, @Body() body: CreatePropertyCompanyDto): Promise<PropertyCompanyDto> {
    return this.companies.create(user, body);
  }

  @Get()
  @RequirePermission(Permission.PropertyRead)
  @ApiOperation({ summary: 'Registered property companies, by name' })
  @ApiOkResponse({ type: PropertyCompanyPageDto })
  list(@Query() query: PropertyCompaniesQueryDto): Promise<PropertyCompanyPageDto> {
    return this.companies.list(query);
  }

  @Get(':id')
  @RequirePermission(Permission.PropertyRead)
  @ApiOperation({
    summary: 'One company with its contracts and latest published scores at complexes you may see',
  })
  @ApiOkResponse({ type: PropertyCompanyDetailDto })
  @ApiNotFoundResponse({ description: 'resource.not-found' })
  get(@CurrentUser() user: AuthenticatedUser, @UuidParam('id') id: string): Promise<PropertyCompanyDetailDto> {
    return this.companies.get(user, id);
  }
}
