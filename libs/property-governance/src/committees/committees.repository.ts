import { Injectable } from '@nestjs/common';
import { queryRows, SqlCondition } from '@linli/platform';
import { DataSource, EntityManager } from 'typeorm';

export type CommitteeStatus = 'active' | 'ended';

/** An owners' committee as stored; dates `YYYY-MM-DD`. */
export interface CommitteeRow {
  id: string;
  complex_id: string;
  unit_path: string;
  election_decision_id: string | null;
  elected_on: string;
  term_ends_on: string;
  status: CommitteeStatus;
  chair_person_id: string | null;
  vice_chair_person_id: string | null;
  officers_chosen_on: string | null;
  filed_on: string | null;
  filing_reference: string | null;
  ended_on: string | null;
  created_at: Date;
}

export interface MemberRow {
  committee_id: string;
  person_id: string;
  joined_on: string;
  left_on: string | null;
}

export interface ChangeRow {
  id: string;
  committee_id: string;
  description: string;
  changed_on: string;
  reported_on: string | null;
  created_at: Date;
}

export interface FlagRow {
  id: string;
  committee_id: string;
  kind: string;
  subject_id: string;
  due_on: string;
  flagged_at: Date;
  resolved_at: Date | null;
}

const COLUMNS = `c.id, c.complex_id, c.unit_path, c.election_decision_id, c.elected_on::text AS elected_on,
  c.term_ends_on::text AS term_ends_on, c.status, c.chair_person_id, c.vice_chair_person_id,
  c.officers_chosen_on::text AS officers_chosen_on, c.filed_on::text AS filed_on, c.filing_reference,
  c.ended_on::text AS ended_on, c.created_at`;

/** SQL of owners' committees, their members, changes and deadline flags (property_committee* tables only). */
@Injectable()
export class CommitteesRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** The new committee's id; undefined when this election has its committee already (unique election decision). */
  async insert(
    manager: EntityManager,
    committee: {
      complexId: string;
      unitPath: string;
      electionDecisionId: string;
      electedOn: string;
      termEndsOn: string;
      userId: string;
      now: Date;
    },
  ): Promise<string | undefined> {
    const rows = await queryRows<{ id: string }>(
      manager,
      `INSERT INTO property_committees (complex_id, unit_path, election_decision_id, elected_on, term_ends_on, created_by_user_id, created_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7)
       ON CONFLICT (election_decision_id) WHERE election_decision_id IS NOT NULL DO NOTHING RETURNING id`,
      [
        committee.complexId,
        committee.unitPath,
        committee.electionDecisionId,
        committee.electedOn,
        committee.termEndsOn,
        committee.userId,
        committee.now,
      ],
    );
    return rows[0]?.id;
  }

  async readOne(manager: EntityManager | undefined, id: string, lock = false): Promise<CommitteeRow | undefined> {
    const rows = await queryRows<CommitteeRow>(
      manager ?? this.dataSource.manager,
      `SELECT ${COLUMNS} FROM property_committees c WHERE c.id = $1${lock ? ' FOR UPDATE' : ''}`,
      [id],
    );
    return rows[0];
  }

  /** Serializes elections at one complex (its active committee is replaced by the new one). */
  async lockComplex(manager: EntityManager, complexId: string): Promise<void> {
    await manager.query(`SELECT pg_advisory_xact_lock(hashtext('property_committees'), hashtext($1))`, [complexId]);
  }

  /** The complex's active committee, locked. */
  async lockActive(manager: EntityManager, complexId: string): Promise<CommitteeRow | undefined> {
    const rows = await queryRows<CommitteeRow>(
      manager,
      `SELECT ${COLUMNS} FROM property_committees c WHERE c.complex_id = $1 AND c.status = 'active' FOR UPDATE`,
      [complexId],
    );
    return rows[0];
  }

  /** Up to `limit + 1` committees `visible` lets the caller see, newest election first. */
  async page(
    visible: SqlCondition,
    filter: { complexId?: string; status?: CommitteeStatus; after?: [string, string]; limit: number },
  ): Promise<CommitteeRow[]> {
    const qb = this.dataSource
      .createQueryBuilder()
      .select(COLUMNS)
      .from('property_committees', 'c')
      .where(visible.sql, visible.params);
    if (filter.complexId) qb.andWhere('c.complex_id = :complexId', { complexId: filter.complexId });
    if (filter.status) qb.andWhere('c.status = :status', { status: filter.status });
    if (filter.after)
      qb.andWhere('(c.created_at, c.id) < (:afterAt::timestamptz, :afterId::uuid)', {
        afterAt: filter.after[0],
        afterId: filter.after[1],
      });
    return qb
      .orderBy('c.created_at', 'DESC')
      .addOrderBy('c.id', 'DESC')
      .limit(filter.limit + 1)
      .getRawMany<CommitteeRow>();
  }

  async members(manager: EntityManager | undefined, committeeIds: string[]): Promise<MemberRow[]> {
    return queryRows<MemberRow>(
      manager ?? this.dataSource.manager,
      `SELECT committee_id, person_id, joined_on::text AS joined_on, left_on::text AS left_on
         FROM property_committee_members WHERE committee_id = ANY($1::uuid[]) ORDER BY joined_on, person_id`,
      [committeeIds],
    );
  }

  /** Adds members (a former member rejoining gets a new joined date). */
  async join(manager: EntityManager, committeeId: string, personIds: string[], on: string): Promise<void> {
    await manager.query(
      `INSERT INTO property_committee_members (committee_id, person_id, joined_on)
       SELECT $1, person_id, $3 FROM unnest($2::uuid[]) AS person_id
       ON CONFLICT (committee_id, person_id) DO UPDATE SET joined_on = EXCLUDED.joined_on, left_on = NULL`,
      [committeeId, personIds, on],
    );
  }

  /** Members leave on `on`; a leaving chair or vice-chair leaves the office empty. */
  async leave(manager: EntityManager, committeeId: string, personIds: string[], on: string): Promise<void> {
    await manager.query(
      `UPDATE property_committee_members SET left_on = $3
        WHERE committee_id = $1 AND person_id = ANY($2::uuid[]) AND left_on IS NULL`,
      [committeeId, personIds, on],
    );
    await manager.query(
      `UPDATE property_committees
          SET chair_person_id = CASE WHEN chair_person_id = ANY($2::uuid[]) THEN NULL ELSE chair_person_id END,
              vice_chair_person_id = CASE WHEN vice_chair_person_id = ANY($2::uuid[]) THEN NULL ELSE vice_chair_person_id END
        WHERE id = $1`,
      [committeeId, personIds],
    );
  }

  /** Ends the committee (term over, or replaced): members leave, its open flags are resolved. */
  async end(manager: EntityManager, committeeId: string, on: string, now: Date): Promise<void> {
    await manager.query(`UPDATE property_committees SET status = 'ended', ended_on = $2 WHERE id = $1`, [
      committeeId,
      on,
    ]);
    await manager.query(
      `UPDATE property_committee_members SET left_on = greatest(joined_on, $2::date) WHERE committee_id = $1 AND left_on IS NULL`,
      [committeeId, on],
    );
    await manager.query(
      `UPDATE property_committee_flags SET resolved_at = $2 WHERE committee_id = $1 AND resolved_at IS NULL`,
      [committeeId, now],
    );
  }

  async setOfficers(
    manager: EntityManager,
    committeeId: string,
    officers: { chairPersonId: string; viceChairPersonId: string; on: string },
  ): Promise<void> {
    await manager.query(
      `UPDATE property_committees
          SET chair_person_id = $2, vice_chair_person_id = $3, officers_chosen_on = coalesce(officers_chosen_on, $4::date)
        WHERE id = $1`,
      [committeeId, officers.chairPersonId, officers.viceChairPersonId, officers.on],
    );
  }

  async file(manager: EntityManager, committeeId: string, filedOn: string, reference: string): Promise<void> {
    await manager.query(`UPDATE property_committees SET filed_on = $2, filing_reference = $3 WHERE id = $1`, [
      committeeId,
      filedOn,
      reference,
    ]);
  }

  async insertChange(
    manager: EntityManager,
    change: { committeeId: string; description: string; changedOn: string; userId: string; now: Date },
  ): Promise<string> {
    const [row] = await queryRows<{ id: string }>(
      manager,
      `INSERT INTO property_committee_changes (committee_id, description, changed_on, recorded_by_user_id, created_at)
       VALUES ($1, $2, $3, $4, $5) RETURNING id`,
      [change.committeeId, change.description, change.changedOn, change.userId, change.now],
    );
    return row.id;
  }

  async changes(manager: EntityManager | undefined, committeeIds: string[]): Promise<ChangeRow[]> {
    return queryRows<ChangeRow>(
      manager ?? this.dataSource.manager,
      `SELECT id, committee_id, description, changed_on::text AS changed_on, reported_on::text AS reported_on, created_at
         FROM property_committee_changes WHERE committee_id = ANY($1::uuid[]) ORDER BY changed_on, created_at, id`,
      [committeeIds],
    );
  }

  /** Marks the change reported on `on`; false when it was reported already (or is not this committee's). */
  async reportChange(manager: EntityManager, committeeId: string, changeId: string, on: string): Promise<boolean> {
    const rows = await queryRows<{ id: string }>(
      manager,
      `UPDATE property_committee_changes SET reported_on = $3
        WHERE id = $2 AND committee_id = $1 AND reported_on IS NULL RETURNING id`,
      [committeeId, changeId, on],
    );
    return rows.length > 0;
  }

  async flags(manager: EntityManager | undefined, committeeIds: string[]): Promise<FlagRow[]> {
    return queryRows<FlagRow>(
      manager ?? this.dataSource.manager,
      `SELECT id, committee_id, kind, subject_id, due_on::text AS due_on, flagged_at, resolved_at
         FROM property_committee_flags WHERE committee_id = ANY($1::uuid[]) ORDER BY flagged_at, id`,
      [committeeIds],
    );
  }

  async resolveFlag(manager: EntityManager, committeeId: string, kind: string, subjectId: string, now: Date) {
    await manager.query(
      `UPDATE property_committee_flags SET resolved_at = $4
        WHERE committee_id = $1 AND kind = $2 AND subject_id = $3 AND resolved_at IS NULL`,
      [committeeId, kind, subjectId, now],
    );
  }
}
