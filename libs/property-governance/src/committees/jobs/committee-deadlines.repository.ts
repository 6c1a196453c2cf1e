import { Injectable } from '@nestjs/common';
import { queryRows } from '@linli/platform';
import { EntityManager } from 'typeorm';
import { COMMITTEE_RULES } from '../committee-rules';

/** A deadline flag raised by this run. */
export interface RaisedFlag {
  id: string;
  committee_id: string;
  complex_id: string;
  unit_path: string;
  kind: string;
  due_on: string;
}

const { officersDays, filingDays, changeReportDays, termWarningDays } = COMMITTEE_RULES;

/**
 * The deadline SQL of owners' committees: every active committee's missed 7- and 30-day periods,
 * unreported changes and coming term ends, raised once each (unique committee, kind, subject).
 */
@Injectable()
export class CommitteeDeadlinesRepository {
  /** Active committees whose term ended before `today`, locked (others' locks skipped). */
  async lockExpired(
    manager: EntityManager,
    today: string,
  ): Promise<{ id: string; term_ends_on: string; complex_id: string; unit_path: string }[]> {
    return queryRows(
      manager,
      `SELECT id, term_ends_on::text AS term_ends_on, complex_id, unit_path FROM property_committees
        WHERE status = 'active' AND term_ends_on < $1::date ORDER BY id FOR UPDATE SKIP LOCKED`,
      [today],
    );
  }

  /** Raises every flag due on `today` not raised before; answers those this call raised. */
  async raise(manager: EntityManager, today: string, now: Date): Promise<RaisedFlag[]> {
    return queryRows<RaisedFlag>(
      manager,
      `WITH due AS (
         SELECT c.id AS committee_id, 'officers-overdue' AS kind, c.id AS subject_id, c.elected_on + ${officersDays} AS due_on
           FROM property_committees c
          WHERE c.status = 'active' AND c.officers_chosen_on IS NULL AND c.elected_on + ${officersDays} < $1::date
         UNION ALL
         SELECT c.id, 'filing-overdue', c.id, c.elected_on + ${filingDays}
           FROM property_committees c
          WHERE c.status = 'active' AND c.filed_on IS NULL AND c.elected_on + ${filingDays} < $1::date
         UNION ALL
         SELECT h.committee_id, 'change-report-overdue', h.id, h.changed_on + ${changeReportDays}
           FROM property_committee_changes h JOIN property_committees c ON c.id = h.committee_id
          WHERE c.status = 'active' AND h.reported_on IS NULL AND h.changed_on + ${changeReportDays} < $1::date
         UNION ALL
         SELECT c.id, 'term-ending', c.id, c.term_ends_on
           FROM property_committees c
          WHERE c.status = 'active' AND c.term_ends_on - ${termWarningDays} <= $1::date
       ), raised AS (
         INSERT INTO property_committee_flags (committee_id, kind, subject_id, due_on, flagged_at)
         SELECT committee_id, kind, subject_id, due_on, $2 FROM due
         ON CONFLICT (committee_id, kind, subject_id) DO NOTHING
         RETURNING id, committee_id, kind, due_on
       )
       SELECT r.id, r.committee_id, c.complex_id, c.unit_path, r.kind, r.due_on::text AS due_on
         FROM raised r JOIN property_committees c ON c.id = r.committee_id ORDER BY c.unit_path, r.kind`,
      [today, now],
    );
  }
}
