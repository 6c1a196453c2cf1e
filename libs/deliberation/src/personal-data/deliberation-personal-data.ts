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

const DOMAIN = 'deliberation';

/** What erased free text reads afterwards (the row stays: counts and history keep adding up). */
export const ERASED_TEXT = '（内容已应本人要求删除）';

/**
 * Deliberation's part of the kernel's personal-data operations, on deliberation's own tables only:
 *
 * - **export**: opinions, support, objections, ratings, proposals and co-signatures, meeting
 *   attendance, representative terms, convention comments, and the votes the person took part in
 *   (title, channel, when: never the option chosen, the ballot is secret);
 * - **identity holds**: a proposal of the person still collecting co-signatures
 *   (`deliberation.collecting-proposal`), an active representative seat (`deliberation.representative`);
 * - **erasure**: the free text the person wrote (opinions, objections, rating comments, convention
 *   comments) is replaced by a placeholder; participation stays under the person id.
 */
@Injectable()
export class DeliberationPersonalData implements OnModuleInit {
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
      opinions: await exportRows(
        manager,
        `SELECT o.topic_id, t.title AS topic_title, o.content, o.created_at
           FROM deliberation_opinions o JOIN deliberation_topics t ON t.id = o.topic_id
          WHERE o.author_person_id = $1 AND o.carried_from_topic_id IS NULL ORDER BY o.created_at, o.id`,
        [personId],
      ),
      supported: await exportRows(
        manager,
        `SELECT s.topic_id, t.title AS topic_title, s.created_at
           FROM deliberation_topic_supporters s JOIN deliberation_topics t ON t.id = s.topic_id
          WHERE s.person_id = $1 AND s.carried_from_topic_id IS NULL ORDER BY s.created_at, s.topic_id`,
        [personId],
      ),
      objections: await exportRows(
        manager,
        `SELECT topic_id, content, status, decision_note, decided_at, created_at
           FROM deliberation_objections WHERE author_person_id = $1 ORDER BY created_at, id`,
        [personId],
      ),
      ratings: await exportRows(
        manager,
        `SELECT topic_id, score, comment, created_at FROM deliberation_ratings WHERE person_id = $1 ORDER BY created_at`,
        [personId],
      ),
      proposals: await exportRows(
        manager,
        `SELECT id, unit_id, title, description, status, threshold, cosigner_count, topic_id, adopted_at, created_at
           FROM deliberation_proposals WHERE proposer_person_id = $1 ORDER BY created_at, id`,
        [personId],
      ),
      cosigned: await exportRows(
        manager,
        `SELECT c.proposal_id, p.title AS proposal_title, c.created_at
           FROM deliberation_proposal_cosigners c JOIN deliberation_proposals p ON p.id = c.proposal_id
          WHERE c.person_id = $1 ORDER BY c.created_at, c.proposal_id`,
        [personId],
      ),
      meetingsAttended: await exportRows(
        manager,
        `SELECT a.meeting_id, m.title AS meeting_title, m.kind, m.starts_at, a.method, a.attended_at
           FROM deliberation_meeting_attendance a JOIN deliberation_meetings m ON m.id = a.meeting_id
          WHERE a.person_id = $1 ORDER BY m.starts_at, a.meeting_id`,
        [personId],
      ),
      representativeTerms: await exportRows(
        manager,
        `SELECT unit_id, started_on::text AS started_on, ended_on::text AS ended_on, end_reason
           FROM deliberation_representatives WHERE person_id = $1 ORDER BY started_on, id`,
        [personId],
      ),
      conventionComments: await exportRows(
        manager,
        `SELECT convention_id, content, created_at FROM deliberation_convention_comments
          WHERE author_person_id = $1 ORDER BY created_at, id`,
        [personId],
      ),
      votedIn: await exportRows(
        manager,
        `SELECT b.vote_id, v.title AS vote_title, b.channel, b.cast_at
           FROM deliberation_ballots b JOIN deliberation_votes v ON v.id = b.vote_id
          WHERE b.person_id = $1 ORDER BY b.cast_at, b.vote_id`,
        [personId],
      ),
    };
  }

  async holdsOf(personId: string, { manager }: PersonalDataContext): Promise<IdentityHold[]> {
    const [counts] = await queryRows<Record<string, number>>(
      manager,
      `SELECT
         (SELECT count(*)::int FROM deliberation_proposals WHERE proposer_person_id = $1 AND status = 'collecting') AS proposals,
         (SELECT count(*)::int FROM deliberation_representatives WHERE person_id = $1 AND ended_on IS NULL) AS seats`,
      [personId],
    );
    return [
      {
        code: 'deliberation.collecting-proposal',
        detail: `有 ${counts.proposals} 个正在征集附议的提案`,
        count: counts.proposals,
      },
      { code: 'deliberation.representative', detail: `担任 ${counts.seats} 个居民代表席位`, count: counts.seats },
    ].filter((hold) => hold.count > 0);
  }

  async erasePerson(personId: string, { manager }: PersonalDataContext): Promise<ErasureReport> {
    const [result] = await queryRows<Record<string, number>>(
      manager,
      `WITH o AS (UPDATE deliberation_opinions SET content = $2 WHERE author_person_id = $1 AND content <> $2 RETURNING 1),
            j AS (UPDATE deliberation_objections SET content = $2 WHERE author_person_id = $1 AND content <> $2 RETURNING 1),
            r AS (UPDATE deliberation_ratings SET comment = NULL WHERE person_id = $1 AND comment IS NOT NULL RETURNING 1),
            c AS (UPDATE deliberation_convention_comments SET content = $2 WHERE author_person_id = $1 AND content <> $2 RETURNING 1)
       SELECT (SELECT count(*)::int FROM o) AS opinions, (SELECT count(*)::int FROM j) AS objections,
              (SELECT count(*)::int FROM r) AS ratings, (SELECT count(*)::int FROM c) AS comments`,
      [personId, ERASED_TEXT],
    );
    const erased: string[] = [];
    if (result.opinions > 0) erased.push('deliberationOpinions');
    if (result.objections > 0) erased.push('deliberationObjections');
    if (result.ratings > 0) erased.push('deliberationRatingComments');
    if (result.comments > 0) erased.push('conventionComments');
    return { erased };
  }
}
