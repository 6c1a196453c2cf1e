import { Body, Controller, Get, Post, Query } from '@nestjs/common';
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
import { AuthenticatedUser, CurrentUser, Permission, RequirePermission, UuidParam } from '@linli/platform';
import { CreateEvaluationCampaignDto } from './dto/create-evaluation-campaign.dto';
import { EvaluationCampaignListDto } from './dto/evaluation-campaign-list.dto';
import { EvaluationCampaignQueryDto } from './dto/evaluation-campaign-query.dto';
import { EvaluationCampaignDto } from './dto/evaluation-campaign.dto';
import { EvaluationResultListDto } from './dto/evaluation-result.dto';
import { EvaluationSubmissionDto } from './dto/evaluation-submission.dto';
import { SubmitEvaluationDto } from './dto/submit-evaluation.dto';
import { EvaluationCampaigns } from './evaluation-campaigns.service';

@ApiTags('points/evaluation')
@Controller('points/evaluation-campaigns')
export class EvaluationCampaignsController {
  constructor(private readonly campaigns: EvaluationCampaigns) {}

  @Get()
  @RequirePermission(Permission.PointsRead)
  @ApiOperation({ summary: 'Two-way evaluation campaigns in your scope, newest year first' })
  @ApiOkResponse({ type: EvaluationCampaignListDto })
  list(
    @CurrentUser() user: AuthenticatedUser,
    @Query() query: EvaluationCampaignQueryDto,
  ): Promise<EvaluationCampaignListDto> {
    return this.campaigns.list(user, query.year);
  }

  @Post()
  @RequirePermission(Permission.PointsAdjust)
  @ApiOperation({
    summary: 'Open a yearly two-way evaluation campaign (双向评价) over a unit subtree',
    description:
      'Needs points.adjust at the unit. Generates the assignments from the active dual registrations of its communities. Audited.',
  })
  @ApiCreatedResponse({ type: EvaluationCampaignDto })
  @ApiBadRequestResponse({ description: 'validation.failed: e.g. weights not summing to 100' })
  @ApiNotFoundResponse({ description: 'resource.not-found: unknown unit, or outside your scope' })
  create(
    @CurrentUser() user: AuthenticatedUser,
    @Body() body: CreateEvaluationCampaignDto,
  ): Promise<EvaluationCampaignDto> {
    return this.campaigns.create(user, body);
  }

  @Get(':id')
  @RequirePermission(Permission.PointsRead)
  @ApiOperation({ summary: 'A campaign with its assignment counts' })
  @ApiOkResponse({ type: EvaluationCampaignDto })
  @ApiNotFoundResponse({ description: 'resource.not-found: unknown, or outside your scope' })
  get(@CurrentUser() user: AuthenticatedUser, @UuidParam('id') id: string): Promise<EvaluationCampaignDto> {
    return this.campaigns.get(user, id);
  }

  @Post(':id/submissions')
  @RequirePermission(Permission.PointsAdjust)
  @ApiOperation({
    summary: 'Score one assignment, once',
    description: "Needs points.adjust at the rater's unit (the community, or the agency organization). Audited.",
  })
  @ApiCreatedResponse({ type: EvaluationSubmissionDto })
  @ApiForbiddenResponse({
    description: 'points.self-authorization: the ratee is you, or the organization you are the secretary of',
  })
  @ApiBadRequestResponse({ description: 'validation.failed: a score missing, unknown or outside 0–100' })
  @ApiNotFoundResponse({
    description: 'resource.not-found: unknown campaign or assignment, or a rater outside your scope',
  })
  @ApiConflictResponse({
    description: 'points.evaluation-submitted: already scored; points.evaluation-closed: outside the campaign window',
  })
  submit(
    @CurrentUser() user: AuthenticatedUser,
    @UuidParam('id') id: string,
    @Body() body: SubmitEvaluationDto,
  ): Promise<EvaluationSubmissionDto> {
    return this.campaigns.submit(user, id, body);
  }

  @Get(':id/results')
  @RequirePermission(Permission.PointsRead)
  @ApiOperation({ summary: 'Aggregated results per rated owner: mean weighted score of the submissions, best first' })
  @ApiOkResponse({ type: EvaluationResultListDto })
  @ApiNotFoundResponse({ description: 'resource.not-found: unknown, or outside your scope' })
  results(@CurrentUser() user: AuthenticatedUser, @UuidParam('id') id: string): Promise<EvaluationResultListDto> {
    return this.campaigns.results(user, id);
  }
}
