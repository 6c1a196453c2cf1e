import { Injectable } from '@nestjs/common';
import {
  AuthenticatedUser,
  BusinessCalendar,
  Period,
  Permission,
  ScopedReferences,
  ValidationProblem,
} from '@linli/platform';
import { enclosingPath } from '@linli/organization';
import { TOPIC_STEPS } from '../topics/topic-steps';
import { MonthlyReportDto } from './dto/monthly-report.dto';
import { MonthlyReportRepository } from './monthly-report.repository';

/** Steps a topic can leave (every step but `closed`). */
const LEFT_STEPS = TOPIC_STEPS.filter((step) => step !== 'closed');

const round2 = (value: number) => Math.round(value * 100) / 100;

/**
 * The monthly report of any unit in the caller's `deliberation.read` scope: for a community or a
 * unit below it, that community's row; for a street, a district or the city, the sums of the rows of
 * the communities within it. A month never computed answers zeros and `computedAt: null`.
 */
@Injectable()
export class MonthlyReportReader {
  constructor(
    private readonly repository: MonthlyReportRepository,
    private readonly references: ScopedReferences,
    private readonly calendar: BusinessCalendar,
  ) {}

  /** A month key (`2026-11`) of the business calendar, else 400 on `period`. */
  month(key: string): Period {
    try {
      const period = this.calendar.parse(key);
      if (period.granularity === 'month') return period;
    } catch {
      // reported below
    }
    throw new ValidationProblem([{ field: 'period', message: '期间须为月份，如 2026-11' }]);
  }

  async read(user: AuthenticatedUser, unitId: string, periodKey: string): Promise<MonthlyReportDto> {
    const period = this.month(periodKey);
    const path = (await this.references.reachOne(user, Permission.DeliberationRead, 'unit', unitId)) as string;
    const community = enclosingPath(path, 'community');
    const totals = await this.repository.totals(
      period.key,
      community !== undefined ? { exact: community } : { subtree: path },
    );
    return {
      unitId,
      period: period.key,
      communities: totals.communities,
      meetingsHeld: totals.meetingsHeld,
      topicsByStep: Object.fromEntries(TOPIC_STEPS.map((step) => [step, totals.topicsByStep[step] ?? 0])),
      opinionsCollected: totals.opinionsCollected,
      proposalsAdopted: totals.proposalsAdopted,
      stepDays: Object.fromEntries(
        LEFT_STEPS.map((step) => {
          const value = totals.stepDays[step];
          return [step, value ? { days: round2(value.days), n: value.n } : { days: null, n: 0 }];
        }),
      ),
      satisfaction: {
        count: totals.ratingsCount,
        sum: totals.ratingsSum,
        average: totals.ratingsCount > 0 ? round2(totals.ratingsSum / totals.ratingsCount) : null,
      },
      computedAt: totals.computedAt ? totals.computedAt.toISOString() : null,
    };
  }
}
