import { Injectable, Logger } from '@nestjs/common';
import {
  BusinessCalendar,
  Clock,
  NotificationOutbox,
  Period,
  SendNotificationJob,
  TransactionRunner,
} from '@linli/platform';
import { DataSource } from 'typeorm';
import { STRUCTURE_CHECK_RULE_DISPLAY, STRUCTURE_CHECK_RULES, StructureCheckRule } from './structure-check-rule';
import { StructureCheckService } from './structure-check.service';
import { StructureFinding } from './structure-evaluator';
import { StructureFindingsRecipients } from './structure-findings.recipients';
import { StructureFindingsStore } from './structure-findings.store';
import { STRUCTURE_FINDINGS_TEMPLATE } from './structure-findings.templates';

/** What one monthly run did (stored in `job_runs.result`). */
export interface StructureCheckRunSummary {
  period: string;
  /** The business day the rules were applied on. */
  asOf: string;
  cities: number;
  findings: number;
  byRule: Record<StructureCheckRule, number>;
  /** Secretaries a notification was requested for (queued once the run's transaction committed). */
  notified: number;
  /** Findings without an active secretary to answer for them (no notification). */
  withoutSecretary: number;
}

/**
 * The monthly structure check for one period: for every city, computes the findings and replaces
 * the period's stored findings in one transaction (a recompute replaces them wholly), and in the
 * same transaction requests a notification telling each responsible secretary what concerns them
 * (one per period and person, `NotificationOutbox`: sent only if the findings committed).
 */
@Injectable()
export class StructureCheckRunner {
  private readonly logger = new Logger(StructureCheckRunner.name);

  constructor(
    private readonly dataSource: DataSource,
    private readonly transactions: TransactionRunner,
    private readonly check: StructureCheckService,
    private readonly store: StructureFindingsStore,
    private readonly recipients: StructureFindingsRecipients,
    private readonly notifications: NotificationOutbox,
    private readonly clock: Clock,
    private readonly calendar: BusinessCalendar,
  ) {}

  /** Today if it falls in the period (the usual run on the 1st), else the period's first day (a period recomputed later). */
  asOf(period: Period): string {
    const today = this.calendar.localDate(this.clock.now());
    const first = this.calendar.localDate(period.start);
    const afterLast = this.calendar.localDate(period.end);
    return today >= first && today < afterLast ? today : first;
  }

  async run(period: Period): Promise<StructureCheckRunSummary> {
    const asOf = this.asOf(period);
    // Keeps the analytics read model current (and its mark table small) once a month.
    await this.dataSource.query(`SELECT organization_analytics_refresh(NULL)`);
    const { cities, findings, notified, withoutSecretary } = await this.transactions.run(async (manager) => {
      const cityRows: { id: string; path: string }[] = await manager.query(
        `SELECT id, path FROM units WHERE kind = 'city' ORDER BY path`,
      );
      const all: StructureFinding[] = [];
      for (const city of cityRows) {
        const cityFindings = await this.check.findings(city.path, asOf, manager);
        await this.store.replace(manager, period.key, city.id, cityFindings);
        all.push(...cityFindings);
      }
      const byPerson = await this.recipients.byPerson(all, manager);
      const jobs: SendNotificationJob[] = [];
      for (const [personId, concerns] of byPerson) {
        if (personId === null) continue;
        jobs.push({
          recipient: { personId },
          templateKey: STRUCTURE_FINDINGS_TEMPLATE,
          data: { period: period.key, asOf, total: concerns.length, summary: summarize(concerns) },
          dedupeKey: `${STRUCTURE_FINDINGS_TEMPLATE}:${period.key}:${personId}`,
        });
      }
      await this.notifications.request(manager, jobs);
      return {
        cities: cityRows.length,
        findings: all,
        notified: jobs.length,
        withoutSecretary: byPerson.get(null)?.length ?? 0,
      };
    }, 'REPEATABLE READ');

    const byRule = countByRule(findings);
    const summary: StructureCheckRunSummary = {
      period: period.key,
      asOf,
      cities,
      findings: findings.length,
      byRule,
      notified,
      withoutSecretary,
    };
    this.logger.log(summary, 'structure check stored');
    return summary;
  }
}

function countByRule(findings: StructureFinding[]): Record<StructureCheckRule, number> {
  const counts = Object.fromEntries(STRUCTURE_CHECK_RULES.map((rule) => [rule, 0])) as Record<
    StructureCheckRule,
    number
  >;
  for (const finding of findings) counts[finding.rule] += 1;
  return counts;
}

/** `小区应建未建党支部 2 项；网格无在岗网格员 1 项` (rules in contract order, only those present). */
export function summarize(findings: StructureFinding[]): string {
  const counts = countByRule(findings);
  return STRUCTURE_CHECK_RULES.filter((rule) => counts[rule] > 0)
    .map((rule) => `${STRUCTURE_CHECK_RULE_DISPLAY[rule]} ${counts[rule]} 项`)
    .join('；');
}
