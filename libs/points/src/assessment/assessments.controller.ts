import { Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiTags,
} from '@nestjs/swagger';
import {
  AuthenticatedUser,
  CurrentUser,
  ForbiddenProblem,
  Permission,
  RequirePermission,
  ScopeService,
} from '@linli/platform';
import { AssessmentResults } from './assessment-results.service';
import { AssessmentPageDto } from './dto/assessment-page.dto';
import { AssessmentQueryDto } from './dto/assessment-query.dto';
import { AssessmentRunDto } from './dto/assessment-run.dto';
import { LeaderboardPageDto } from './dto/leaderboard-page.dto';
import { LeaderboardQueryDto } from './dto/leaderboard-query.dto';
import { PublishedPeriodDto } from './dto/published-period.dto';
import { QuarterlyAssessment } from './quarterly-assessment.service';

@ApiTags('points/assessment')
@Controller('points')
export class AssessmentsController {
  constructor(
    private readonly assessment: QuarterlyAssessment,
    private readonly results: AssessmentResults,
    private readonly scope: ScopeService,
  ) {}

  /** The assessment covers the whole deployment, so recomputing and publishing need a deployment-wide grant. */
  private assertDeploymentWide(user: AuthenticatedUser): void {
    if (this.scope.scopeFilter(user, Permission.PointsRulesManage) !== 'all')
      throw new ForbiddenProblem('只有全局管理员可以计算或发布季度考核结果');
  }

  @Get('assessments')
  @RequirePermission(Permission.PointsRead)
  @ApiOperation({
    summary:
      'Quarterly assessment results (draft or published) of members and organizations in your scope, best score first',
  })
  @ApiOkResponse({ type: AssessmentPageDto })
  @ApiBadRequestResponse({ description: 'validation.failed: period is not a quarter key' })
  @ApiNotFoundResponse({ description: 'resource.not-found: unitId unknown or outside your scope' })
  list(@CurrentUser() user: AuthenticatedUser, @Query() query: AssessmentQueryDto): Promise<AssessmentPageDto> {
    return this.results.list(user, query);
  }

  @Post('assessments/:period/recompute')
  @HttpCode(200)
  @RequirePermission(Permission.PointsRulesManage)
  @ApiParam({ name: 'period', example: '2026Q4' })
  @ApiOperation({
    summary: 'Recomputes a quarter before publication, replacing its draft results wholly (deployment-wide admins)',
  })
  @ApiOkResponse({ type: AssessmentRunDto })
  @ApiForbiddenResponse({ description: 'forbidden: needs a deployment-wide grant' })
  @ApiConflictResponse({ description: 'points.assessment-published: the quarter is published' })
  recompute(@CurrentUser() user: AuthenticatedUser, @Param('period') period: string): Promise<AssessmentRunDto> {
    this.assertDeploymentWide(user);
    return this.assessment.assess(this.assessment.quarter(period));
  }

  @Post('assessments/:period/publish')
  @HttpCode(200)
  @RequirePermission(Permission.PointsRulesManage)
  @ApiParam({ name: 'period', example: '2026Q4' })
  @ApiOperation({ summary: 'Publishes a computed quarter: its results become immutable (deployment-wide admins)' })
  @ApiOkResponse({ type: PublishedPeriodDto })
  @ApiForbiddenResponse({ description: 'forbidden: needs a deployment-wide grant' })
  @ApiNotFoundResponse({ description: 'resource.not-found: the quarter was never computed' })
  @ApiConflictResponse({ description: 'points.assessment-published: already published' })
  publish(@CurrentUser() user: AuthenticatedUser, @Param('period') period: string): Promise<PublishedPeriodDto> {
    this.assertDeploymentWide(user);
    return this.assessment.publish(this.assessment.quarter(period), user.userId);
  }

  @Get('leaderboard')
  @RequirePermission(Permission.PointsRead)
  @ApiOperation({
    summary: 'Persons or organizations of a unit subtree ranked live by assessment points of a quarter or a year',
  })
  @ApiOkResponse({ type: LeaderboardPageDto })
  @ApiBadRequestResponse({ description: 'validation.failed: period is neither a quarter nor a year key' })
  @ApiNotFoundResponse({ description: 'resource.not-found: unitId unknown or outside your scope' })
  leaderboard(
    @CurrentUser() user: AuthenticatedUser,
    @Query() query: LeaderboardQueryDto,
  ): Promise<LeaderboardPageDto> {
    return this.results.leaderboard(user, query);
  }
}
