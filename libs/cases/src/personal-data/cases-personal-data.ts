import { Injectable, OnModuleInit } from '@nestjs/common';
import {
  ErasureReport,
  exportRows,
  IdentityHold,
  IdentityHolds,
  PersonalDataContext,
  PersonalDataErasers,
  PersonalDataExporters,
  queryRows,
} from '@linli/platform';

const DOMAIN = 'cases';
const ERASED_TEXT = '（内容已删除）';

/**
 * Cases' part of the kernel's personal-data operations, on its own tables only:
 *
 * - **export**: the cases the person reported (merged duplicates included: what, where, when, status,
 *   satisfaction) and the disputes they are a party to (which case and when; never the other parties);
 * - **identity holds**: an open case they reported (`cases.open-case`: the handler must still reach
 *   them to verify and follow up), an open dispute they are a party to (`cases.open-dispute`);
 * - **erasure**: the free text they wrote when they reported themselves (description, evidence
 *   references); the case's title, category and figures stay, as the record the rates count.
 */
@Injectable()
export class CasesPersonalData implements OnModuleInit {
  constructor(
    private readonly exporters: PersonalDataExporters,
    private readonly holds: IdentityHolds,
    private readonly erasers: PersonalDataErasers,
  ) {}

  onModuleInit(): void {
    this.exporters.register({ domain: DOMAIN, exportPerson: (id, context) => this.exportPerson(id, context) });
    this.holds.register({ domain: DOMAIN, holdsOf: (id, context) => this.holdsOf(id, context) });
    this.erasers.register({ domain: DOMAIN, erasePerson: (id, context) => this.erasePerson(id, context) });
  }

  async exportPerson(personId: string, { manager }: PersonalDataContext): Promise<Record<string, unknown>> {
    return {
      reported: await exportRows(
        manager,
        `SELECT c.id AS case_id, c.channel, c.type, c.title, c.description, c.unit_id, c.status, c.reported_at,
                r.anonymous, r.merged_from_case_id, c.satisfaction
           FROM case_reporters r JOIN cases c ON c.id = r.case_id
          WHERE r.person_id = $1 ORDER BY c.reported_at, c.id`,
        [personId],
      ),
      disputes: await exportRows(
        manager,
        `SELECT id AS case_id, title, unit_id, status, reported_at FROM cases
          WHERE $1 = ANY(party_person_ids) ORDER BY reported_at, id`,
        [personId],
      ),
    };
  }

  async holdsOf(personId: string, { manager }: PersonalDataContext): Promise<IdentityHold[]> {
    const [counts] = await queryRows<Record<string, number>>(
      manager,
      `SELECT
         (SELECT count(*)::int FROM case_reporters r JOIN cases c ON c.id = r.case_id
           WHERE r.person_id = $1 AND c.status NOT IN ('closed', 'rejected')) AS reported,
         (SELECT count(*)::int FROM cases WHERE $1 = ANY(party_person_ids) AND status NOT IN ('closed', 'rejected')) AS disputes`,
      [personId],
    );
    return [
      { code: 'cases.open-case', detail: `反映的 ${counts.reported} 件问题尚未办结`, count: counts.reported },
      { code: 'cases.open-dispute', detail: `是 ${counts.disputes} 件未办结纠纷的当事人`, count: counts.disputes },
    ].filter((hold) => hold.count > 0);
  }

  async erasePerson(personId: string, { manager }: PersonalDataContext): Promise<ErasureReport> {
    const [result] = await queryRows<{ cases: number }>(
      manager,
      `WITH e AS (UPDATE cases SET description = $2, evidence = '{}'
                   WHERE reporter_person_id = $1 AND channel IN ('resident', 'mobile_grid')
                     AND (description <> $2 OR cardinality(evidence) > 0) RETURNING 1)
       SELECT count(*)::int AS cases FROM e`,
      [personId, ERASED_TEXT],
    );
    return { erased: result.cases > 0 ? ['caseDescriptions'] : [] };
  }
}
