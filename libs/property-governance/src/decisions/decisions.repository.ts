import { Injectable } from '@nestjs/common';
import { queryRows, SqlCondition } from '@linli/platform';
import { DataSource, EntityManager } from 'typeorm';
import { BallotChannel, DecisionRecord, DecisionStatus, RollHead } from './decision-record';
import { BallotChoice, DecisionMatter } from './decision-rules';
import { Head, toCenti } from './electorate-counting';
import type { PropertyDecisionTallyDto } from './dto/property-decision-tally.dto';

interface DecisionRow {
  id: string;
  complex_id: string;
  unit_path: string;
  title: string;
  description: string | null;
  matter: DecisionMatter;
  opens_at: Date;
  closes_at: Date;
  status: DecisionStatus;
  electorate_area: string;
  electorate_heads: number;
  result: PropertyDecisionTallyDto | null;
  closed_at: Date | null;
  created_by_user_id: string;
  created_at: Date;
}

const COLUMNS = `d.id, d.complex_id, d.unit_path, d.title, d.description, d.matter, d.opens_at, d.closes_at, d.status,
  d.electorate_area_m2::text AS electorate_area, d.electorate_heads, d.result, d.closed_at, d.created_by_user_id, d.created_at`;

function toRecord(row: DecisionRow): DecisionRecord {
  return {
    id: row.id,
    complexId: row.complex_id,
    unitPath: row.unit_path,
    title: row.title,
    description: row.description,
    matter: row.matter,
    opensAt: row.opens_at,
    closesAt: row.closes_at,
    status: row.status,
    electorateAreaCenti: toCenti(row.electorate_area),
    electorateHeads: row.electorate_heads,
    result: row.result,
    closedAt: row.closed_at,
    createdByUserId: row.created_by_user_id,
    createdAt: row.created_at,
  };
}

export interface NewDecision {
  complexId: string;
  unitPath: string;
  title: string;
  description: string | null;
  matter: DecisionMatter;
  opensAt: Date;
  closesAt: Date;
  createdByUserId: string;
  createdAt: Date;
}

export interface NewPropertyBallot {
  decisionId: string;
  headKey: string;
  choice: BallotChoice;
  ownerPersonId: string | null;
  channel: BallotChannel;
  evidence: string | null;
  proxyPersonId: string | null;
  recordedByUserId: string | null;
  castAt: Date;
}

/** The ballots counted in SQL: heads and area (hundredths of m²) cast, and of those agreeing. */
export interface BallotSums {
  heads: number;
  areaCenti: number;
  agreeHeads: number;
  agreeAreaCenti: number;
}

/** One head in the published results: its unit numbers and area, its ballot if any. No person. */
export interface ResultHeadRow {
  units: string[];
  area: string;
  developer: boolean;
  choice: BallotChoice | null;
  channel: BallotChannel | null;
}

/**
 * Decisions (`property_decisions`), their frozen rolls (`property_decision_heads`, one row per
 * head) and their ballots (`property_ballots`, one per decision and head).
 */
@Injectable()
export class DecisionsRepository {
  constructor(private readonly dataSource: DataSource) {}

  async insert(manager: EntityManager, decision: NewDecision): Promise<string> {
    const [row] = await queryRows<{ id: string }>(
      manager,
      `INSERT INTO property_decisions (complex_id, unit_path, title, description, matter, opens_at, closes_at,
                                       electorate_area_m2, electorate_heads, created_by_user_id, created_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, 0, 0, $8, $9) RETURNING id`,
      [
        decision.complexId,
        decision.unitPath,
        decision.title,
        decision.description,
        decision.matter,
        decision.opensAt,
        decision.closesAt,
        decision.createdByUserId,
        decision.createdAt,
      ],
    );
    return row.id;
  }

  /** Freezes the roll in one statement (arrays passed comma-joined) and records the electorate's totals. */
  async freezeRoll(manager: EntityManager, decisionId: string, totalAreaCenti: number, heads: Head[]): Promise<void> {
    await manager.query(
      `INSERT INTO property_decision_heads (decision_id, head_key, area_m2, part_ids, owner_person_ids, developer)
       SELECT $1, t.head_key, t.area / 100, string_to_array(t.parts, ',')::uuid[], string_to_array(t.owners, ',')::uuid[], t.developer
         FROM unnest($2::text[], $3::numeric[], $4::text[], $5::text[], $6::boolean[]) AS t(head_key, area, parts, owners, developer)`,
      [
        decisionId,
        heads.map((head) => head.key),
        heads.map((head) => head.areaCenti),
        heads.map((head) => head.partIds.join(',')),
        heads.map((head) => head.ownerPersonIds.join(',')),
        heads.map((head) => head.developer),
      ],
    );
    await manager.query(
      `UPDATE property_decisions SET electorate_area_m2 = $2::numeric / 100, electorate_heads = $3 WHERE id = $1`,
      [decisionId, totalAreaCenti, heads.length],
    );
  }

  /**
   * The decision, or undefined. `lock: 'share'` is a ballot's (`FOR KEY SHARE`: ballots run side by
   * side, a closing's `FOR UPDATE` waits for those in flight); `lock: 'update'` is the closing's.
   */
  async readOne(
    manager: EntityManager | undefined,
    id: string,
    options: { lock?: 'share' | 'update' } = {},
  ): Promise<DecisionRecord | undefined> {
    const lock = options.lock === 'share' ? ' FOR KEY SHARE' : options.lock === 'update' ? ' FOR UPDATE' : '';
    const rows = await queryRows<DecisionRow>(
      manager ?? this.dataSource.manager,
      `SELECT ${COLUMNS} FROM property_decisions d WHERE d.id = $1${lock}`,
      [id],
    );
    return rows[0] ? toRecord(rows[0]) : undefined;
  }

  /** Up to `limit + 1` decisions `visible` (a condition on `d.unit_path`) lets the caller see, newest first. */
  async page(
    visible: SqlCondition,
    filter: { complexPath?: string; status?: DecisionStatus; after?: [string, string]; limit: number },
  ): Promise<DecisionRecord[]> {
    const qb = this.dataSource
      .createQueryBuilder()
      .select(COLUMNS)
      .from('property_decisions', 'd')
      .where(visible.sql, visible.params);
    if (filter.complexPath) qb.andWhere('d.unit_path = :complexPath', { complexPath: filter.complexPath });
    if (filter.status) qb.andWhere('d.status = :status', { status: filter.status });
    if (filter.after)
      qb.andWhere('(d.created_at, d.id) < (:afterAt::timestamptz, :afterId::uuid)', {
        afterAt: filter.after[0],
        afterId: filter.after[1],
      });
    const rows: DecisionRow[] = await qb
      .orderBy('d.created_at', 'DESC')
      .addOrderBy('d.id', 'DESC')
      .limit(filter.limit + 1)
      .getRawMany();
    return rows.map(toRecord);
  }

  /** The heads of the frozen roll `personId` is an owner in (GIN index on owner_person_ids), in key order. */
  async headsOf(manager: EntityManager, decisionId: string, personId: string): Promise<RollHead[]> {
    const rows = await queryRows<{ head_key: string; area: string; developer: boolean }>(
      manager,
      `SELECT head_key, area_m2::text AS area, developer FROM property_decision_heads
        WHERE decision_id = $1 AND owner_person_ids @> ARRAY[$2]::uuid[] ORDER BY head_key`,
      [decisionId, personId],
    );
    return rows.map((row) => ({ headKey: row.head_key, areaCenti: toCenti(row.area), developer: row.developer }));
  }

  async head(manager: EntityManager, decisionId: string, headKey: string): Promise<RollHead | undefined> {
    const [row] = await queryRows<{ head_key: string; area: string; developer: boolean }>(
      manager,
      `SELECT head_key, area_m2::text AS area, developer FROM property_decision_heads WHERE decision_id = $1 AND head_key = $2`,
      [decisionId, headKey],
    );
    return row ? { headKey: row.head_key, areaCenti: toCenti(row.area), developer: row.developer } : undefined;
  }

  /** The head keys among `keys` that have a ballot. */
  async votedKeys(manager: EntityManager, decisionId: string, keys: string[]): Promise<Set<string>> {
    const rows = await queryRows<{ head_key: string }>(
      manager,
      `SELECT head_key FROM property_ballots WHERE decision_id = $1 AND head_key = ANY($2::text[])`,
      [decisionId, keys],
    );
    return new Set(rows.map((row) => row.head_key));
  }

  /** One ballot per head: the area is the head's frozen area; undefined when the head has voted already. */
  async insertBallot(
    manager: EntityManager,
    ballot: NewPropertyBallot,
  ): Promise<{ id: string; area: string } | undefined> {
    const [row] = await queryRows<{ id: string; area: string }>(
      manager,
      `INSERT INTO property_ballots (decision_id, head_key, choice, area_m2, owner_person_id, channel, evidence,
                                     proxy_person_id, recorded_by_user_id, cast_at)
       SELECT h.decision_id, h.head_key, $3, h.area_m2, $4, $5, $6, $7, $8, $9
         FROM property_decision_heads h WHERE h.decision_id = $1 AND h.head_key = $2
       ON CONFLICT (decision_id, head_key) DO NOTHING
       RETURNING id, area_m2::text AS area`,
      [
        ballot.decisionId,
        ballot.headKey,
        ballot.choice,
        ballot.ownerPersonId,
        ballot.channel,
        ballot.evidence,
        ballot.proxyPersonId,
        ballot.recordedByUserId,
        ballot.castAt,
      ],
    );
    return row;
  }

  /** One aggregate over the decision's ballots (the unique index on (decision_id, head_key) serves it). */
  async sums(manager: EntityManager | undefined, decisionId: string): Promise<BallotSums> {
    const [row] = await queryRows<{ heads: number; area: string; agree_heads: number; agree_area: string }>(
      manager ?? this.dataSource.manager,
      `SELECT count(*)::int AS heads, coalesce(sum(area_m2), 0)::numeric(16, 2)::text AS area,
              (count(*) FILTER (WHERE choice = 'agree'))::int AS agree_heads,
              coalesce(sum(area_m2) FILTER (WHERE choice = 'agree'), 0)::numeric(16, 2)::text AS agree_area
         FROM property_ballots WHERE decision_id = $1`,
      [decisionId],
    );
    return {
      heads: row.heads,
      areaCenti: toCenti(row.area),
      agreeHeads: row.agree_heads,
      agreeAreaCenti: toCenti(row.agree_area),
    };
  }

  /** Stores the result; guarded on `status = 'open'`: true when this call closed it. */
  async close(
    manager: EntityManager,
    decisionId: string,
    result: PropertyDecisionTallyDto,
    now: Date,
    by: { userId: string | null; job?: string },
  ): Promise<boolean> {
    const rows = await queryRows<{ id: string }>(
      manager,
      `UPDATE property_decisions SET status = 'closed', result = $2::jsonb, closed_at = $3, closed_by_user_id = $4,
              closed_by_job = $5
        WHERE id = $1 AND status = 'open' RETURNING id`,
      [decisionId, JSON.stringify(result), now, by.userId, by.job ?? null],
    );
    return rows.length === 1;
  }

  /** Open decisions whose end time has come, locked (others' locked rows skipped), oldest first. */
  async lockDue(manager: EntityManager, now: Date, limit: number): Promise<DecisionRecord[]> {
    const rows = await queryRows<DecisionRow>(
      manager,
      `SELECT ${COLUMNS} FROM property_decisions d WHERE d.status = 'open' AND d.closes_at <= $1
        ORDER BY d.closes_at, d.id LIMIT $2 FOR UPDATE SKIP LOCKED`,
      [now, limit],
    );
    return rows.map(toRecord);
  }

  /** Every head with its unit numbers (`building-number`), area and ballot; never a person. */
  async resultHeads(manager: EntityManager | undefined, decisionId: string): Promise<ResultHeadRow[]> {
    return queryRows<ResultHeadRow>(
      manager ?? this.dataSource.manager,
      `SELECT ARRAY(SELECT p.building || '-' || p.number FROM property_parts p WHERE p.id = ANY(h.part_ids)
                      ORDER BY p.building, p.number) AS units,
              h.area_m2::text AS area, h.developer, b.choice, b.channel
         FROM property_decision_heads h
         LEFT JOIN property_ballots b ON b.decision_id = h.decision_id AND b.head_key = h.head_key
        WHERE h.decision_id = $1
        ORDER BY h.developer DESC, units`,
      [decisionId],
    );
  }
}
