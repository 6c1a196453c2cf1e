import { Body, Controller, Get, HttpCode, Post, Query } from '@nestjs/common';
import { ApiBadRequestResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AuthenticatedUser, CurrentUser, Permission, RequirePermission } from '@linli/platform';
import { MonthlyReportQueryDto, RecomputeMonthlyReportDto } from './dto/monthly-report-query.dto';
import { MonthlyReportDto, MonthlyReportRunDto } from './dto/monthly-report.dto';
import { MonthlyReportReader } from './monthly-report-reader';
import { MonthlyReportRecompute } from './monthly-report-recompute';

@ApiTags('deliberation/reports')
@Controller('deliberation/reports')
export class MonthlyReportsController {
  constructor(
    private readonly reader: MonthlyReportReader,
    private readonly recomputation: MonthlyReportRecompute,
  ) {}

  @Get('monthly')
  @RequirePermission(Permission.DeliberationRead)
  @ApiOperation({
    summary: 'Monthly deliberation report of a unit',
    description:
      "A community's row (also for a unit below it), or the sums of the community rows within a street, a district or the city: meetings held, topics by step at the month's end, opinions, adopted proposals, days per step (weighted by topics), satisfaction. A month never computed answers zeros and computedAt null.",
  })
  @ApiOkResponse({ type: MonthlyReportDto })
  @ApiBadRequestResponse({ description: 'validation.failed: period is not a month (YYYY-MM) or unitId is missing' })
  @ApiNotFoundResponse({ description: 'not-found: unitId unknown or outside your scope' })
  monthly(@CurrentUser() user: AuthenticatedUser, @Query() query: MonthlyReportQueryDto): Promise<MonthlyReportDto> {
    return this.reader.read(user, query.unitId, query.period);
  }

  @Post('monthly/recompute')
  @HttpCode(200)
  @RequirePermission(Permission.DeliberationSettingsManage)
  @ApiOperation({
    summary: 'Compute a month now for the communities within your scope (replaces their rows; idempotent)',
    description: 'The job deliberation.monthly-report does the same for every community at 02:30 on the 1st.',
  })
  @ApiOkResponse({ type: MonthlyReportRunDto })
  @ApiBadRequestResponse({ description: 'validation.failed: period is not a month (YYYY-MM)' })
  recompute(
    @CurrentUser() user: AuthenticatedUser,
    @Body() body: RecomputeMonthlyReportDto,
  ): Promise<MonthlyReportRunDto> {
    return this.recomputation.recompute(user, body.period);
  }
}
