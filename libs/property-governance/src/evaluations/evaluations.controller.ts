import { Body, Controller, Get, HttpCode, Post, Query } from '@nestjs/common';
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
  Permission,
  RequirePermission,
  UuidParam,
} from '@linli/platform';
import { CreatePropertyEvaluationDto, RatePropertyEvaluationDto } from './dto/create-property-evaluation.dto';
import {
  PropertyCompanyRankingDto,
  PropertyEvaluationCampaignDto,
  PropertyEvaluationRatingDto,
  PropertyEvaluationResultsDto,
} from './dto/property-evaluation.dto';
import { PropertyEvaluationUnitQueryDto } from './dto/property-rectification.dto';
import { EvaluationsService } from './evaluations.service';
import { CreatePropertyEvaluationUseCase } from './usecases/create-property-evaluation.usecase';
import { PublishPropertyEvaluationUseCase } from './usecases/publish-property-evaluation.usecase';
import { RatePropertyEvaluationUseCase } from './usecases/rate-property-evaluation.usecase';

const NOT_FOUND =
  'resource.not-found: unknown, or neither in your property.read scope nor containing a complex you own a part of';

@ApiTags('property-governance/evaluations')
@Controller('property/evaluations')
export class EvaluationsController {
  constructor(
    private readonly evaluations: EvaluationsService,
    private readonly createCampaign: CreatePropertyEvaluationUseCase,
    private readonly rate: RatePropertyEvaluationUseCase,
    private readonly publishCampaign: PublishPropertyEvaluationUseCase,
  ) {}

  @Post()
  @RequirePermission(Permission.PropertyDecide)
  @ApiOperation({
    summary: 'Open a property-company evaluation campaign of a street or district for a half-year',
    description:
      'Defaults: raters owners 0.4, committee 0.2, branch 0.2, community 0.2; six categories; rectification below 60. Weights must sum to 1. Audited as property.evaluation-opened.',
  })
  @ApiCreatedResponse({ type: PropertyEvaluationCampaignDto })
  @ApiBadRequestResponse({
    description: 'validation.failed; property.weights-invalid; property.campaign-period; property.campaign-unit',
  })
  @ApiNotFoundResponse({ description: 'resource.not-found: the unit is unknown or outside your property.decide scope' })
  @ApiConflictResponse({ description: 'property.campaign-exists' })
  create(
    @CurrentUser() user: AuthenticatedUser,
    @Body() body: CreatePropertyEvaluationDto,
  ): Promise<PropertyEvaluationCampaignDto> {
    return this.createCampaign.execute(user, body);
  }

  @Get(':id')
  @AnyAuthenticated()
  @ApiOperation({ summary: 'One campaign' })
  @ApiOkResponse({ type: PropertyEvaluationCampaignDto })
  @ApiNotFoundResponse({ description: NOT_FOUND })
  get(@CurrentUser() user: AuthenticatedUser, @UuidParam('id') id: string): Promise<PropertyEvaluationCampaignDto> {
    return this.evaluations.get(user, id);
  }

  @Post(':id/ratings')
  @AnyAuthenticated()
  @ApiOperation({
    summary:
      'Rate the company serving a complex: an owner for their head, or staff for the committee, branch or community',
    description:
      'Owners: once per head (co-owners of a part share one). Staff (property.manage): once per rater kind and complex.',
  })
  @ApiCreatedResponse({ type: PropertyEvaluationRatingDto })
  @ApiBadRequestResponse({ description: 'validation.failed; property.scores-invalid; property.not-a-complex' })
  @ApiForbiddenResponse({ description: 'property.person-not-linked; property.not-an-owner' })
  @ApiNotFoundResponse({ description: NOT_FOUND })
  @ApiConflictResponse({ description: 'property.campaign-closed; property.no-contract; property.already-rated' })
  ratings(
    @CurrentUser() user: AuthenticatedUser,
    @UuidParam('id') id: string,
    @Body() body: RatePropertyEvaluationDto,
  ): Promise<PropertyEvaluationRatingDto> {
    return this.rate.execute(user, id, body);
  }

  @Post(':id/publish')
  @HttpCode(200)
  @RequirePermission(Permission.PropertyDecide)
  @ApiOperation({
    summary: 'Publish the scores: grades, ranks, rectification orders',
    description:
      'Publishes property.evaluation.published and property.rectification.ordered per order. The evaluation-campaigns job does it at closesAt.',
  })
  @ApiOkResponse({ type: PropertyEvaluationCampaignDto })
  @ApiNotFoundResponse({ description: 'resource.not-found: unknown or outside your property.decide scope' })
  @ApiConflictResponse({ description: 'property.campaign-closed: published already' })
  publish(@CurrentUser() user: AuthenticatedUser, @UuidParam('id') id: string): Promise<PropertyEvaluationCampaignDto> {
    return this.publishCampaign.execute(user, id);
  }

  @Get(':id/results')
  @AnyAuthenticated()
  @ApiOperation({
    summary: 'Published results: complexes ranked within the unit, with grades, scores, street and district ranks',
    description: 'Staff see the complexes in their scope; owners the complexes they own a part of.',
  })
  @ApiOkResponse({ type: PropertyEvaluationResultsDto })
  @ApiNotFoundResponse({ description: NOT_FOUND })
  @ApiConflictResponse({ description: 'property.evaluation-not-published' })
  results(
    @CurrentUser() user: AuthenticatedUser,
    @UuidParam('id') id: string,
    @Query() query: PropertyEvaluationUnitQueryDto,
  ): Promise<PropertyEvaluationResultsDto> {
    return this.evaluations.results(user, id, query.unitId);
  }

  @Get(':id/company-ranking')
  @AnyAuthenticated()
  @ApiOperation({
    summary: 'Companies ranked within the unit by the mean of their complexes’ scores (each complex equal)',
  })
  @ApiOkResponse({ type: PropertyCompanyRankingDto })
  @ApiNotFoundResponse({ description: NOT_FOUND })
  @ApiConflictResponse({ description: 'property.evaluation-not-published' })
  companyRanking(
    @CurrentUser() user: AuthenticatedUser,
    @UuidParam('id') id: string,
    @Query() query: PropertyEvaluationUnitQueryDto,
  ): Promise<PropertyCompanyRankingDto> {
    return this.evaluations.companyRanking(user, id, query.unitId);
  }
}
