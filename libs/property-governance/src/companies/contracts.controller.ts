import { Body, Controller, Get, HttpCode, Post, Query } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import {
  AnyAuthenticated,
  AuthenticatedUser,
  CurrentUser,
  Permission,
  RequirePermission,
  UuidParam,
} from '@linli/platform';
import { ContractsService } from './contracts.service';
import { CreatePropertyContractDto, EndPropertyContractDto } from './dto/create-property-contract.dto';
import { PropertyContractDto, PropertyContractPageDto } from './dto/property-company.dto';
import { PropertyContractsQueryDto } from './dto/property-contracts-query.dto';

@ApiTags('property-governance/contracts')
@Controller('property/contracts')
export class ContractsController {
  constructor(private readonly contracts: ContractsService) {}

  @Post()
  @RequirePermission(Permission.PropertyManage)
  @ApiOperation({
    summary: 'Record a company’s service contract at a complex',
    description:
      'The running contract of the complex ends on the day before startsOn (replaced). hiringDecisionId: a closed, passed company_hiring decision of the complex. Audited as property.contract-signed.',
  })
  @ApiCreatedResponse({ type: PropertyContractDto })
  @ApiBadRequestResponse({ description: 'validation.failed; property.contract-dates; property.not-a-complex' })
  @ApiNotFoundResponse({
    description: 'resource.not-found: the complex, decision or company is unknown or outside your scope',
  })
  @ApiConflictResponse({ description: 'property.contract-decision-invalid; property.contract-overlap' })
  create(
    @CurrentUser() user: AuthenticatedUser,
    @Body() body: CreatePropertyContractDto,
  ): Promise<PropertyContractDto> {
    return this.contracts.create(user, body);
  }

  @Post(':id/end')
  @HttpCode(200)
  @RequirePermission(Permission.PropertyManage)
  @ApiOperation({
    summary: 'End a contract on a date, with the reason',
    description: 'Audited as property.contract-ended.',
  })
  @ApiOkResponse({ type: PropertyContractDto })
  @ApiBadRequestResponse({ description: 'validation.failed; property.contract-dates' })
  @ApiNotFoundResponse({ description: 'resource.not-found' })
  @ApiConflictResponse({ description: 'property.contract-ended' })
  end(
    @CurrentUser() user: AuthenticatedUser,
    @UuidParam('id') id: string,
    @Body() body: EndPropertyContractDto,
  ): Promise<PropertyContractDto> {
    return this.contracts.end(user, id, body);
  }

  @Get()
  @AnyAuthenticated()
  @ApiOperation({
    summary: 'Contracts you may see, newest first',
    description: 'Staff: in their property.read scope. Owners: of the complexes they own a part of.',
  })
  @ApiOkResponse({ type: PropertyContractPageDto })
  @ApiNotFoundResponse({ description: 'resource.not-found: the complex' })
  list(
    @CurrentUser() user: AuthenticatedUser,
    @Query() query: PropertyContractsQueryDto,
  ): Promise<PropertyContractPageDto> {
    return this.contracts.list(user, query);
  }
}
