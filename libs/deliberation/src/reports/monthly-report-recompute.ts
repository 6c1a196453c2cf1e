import { Injectable } from '@nestjs/common';
import { AuditLog, AuthenticatedUser, isWithin, Permission, ScopeService, TransactionRunner } from '@linli/platform';
import { MonthlyReportRunDto } from './dto/monthly-report.dto';
import { MonthlyReportComputation } from './monthly-report-computation';
import { MonthlyReportReader } from './monthly-report-reader';

/**
 * Computes a month now, on request: the communities within the caller's
 * `deliberation.settings.manage` scope (every community for a deployment-wide administrator),
 * replacing their rows; audited as `deliberation.report-recomputed`.
 */
@Injectable()
export class MonthlyReportRecompute {
  constructor(
    private readonly computation: MonthlyReportComputation,
    private readonly reader: MonthlyReportReader,
    private readonly scope: ScopeService,
    private readonly transactions: TransactionRunner,
    private readonly audit: AuditLog,
  ) {}

  async recompute(user: AuthenticatedUser, periodKey: string): Promise<MonthlyReportRunDto> {
    const period = this.reader.month(periodKey);
    const scope = this.scope.scopeFilter(user, Permission.DeliberationSettingsManage);
    const within = (path: string) => scope === 'all' || scope.some((root) => isWithin(path, root));
    return this.transactions.run(async (manager) => {
      const run = await this.computation.compute(period, within, manager);
      await this.audit.record(
        {
          action: 'deliberation.report-recomputed',
          targetType: 'deliberation-monthly-report',
          targetId: null,
          data: { period: run.period, communities: run.communities },
        },
        manager,
      );
      return run;
    }, 'REPEATABLE READ');
  }
}
