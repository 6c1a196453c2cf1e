import { Injectable } from '@nestjs/common';
import { queryRows, SqlCondition, unitPathCondition } from '@linli/platform';
import { DataSource, EntityManager } from 'typeorm';
import { BallotRecord, VoteRecord, VoteStatus } from './vote-record';
import { VoteElectorate, VotePassRule, VoteQuorum, VoteResult } from './vote-rules';

interface VoteRow {
  id: string;
  unit_id: string;
  unit_path: string;
  topic_id: string | null;
  convention_id: string | null;
  title: string;
  options: string[];
  electorate: VoteElectorate;
  quorum: VoteQuorum;
  pass_rule: VotePassRule;
  opens_at: Date;
  closes_at: Date;
  hide_results: boolean;
  status: VoteStatus;
  eligible: number;
  result: VoteResult | null;
  closed_at: Date | null;
  closed_by_user_id: string | null;
  created_by_user_id: string;
  created_at: Date;
}

interface BallotRow {
  id: string;
  vote_id: string;
  voter_key: string;
  person_id: string;
  option: string;
  channel: 'online' | 'paper';
  evidence_ref: string | null;
  recorded_by_user_id: string | null;
  cast_at: Date;
}

export function toVoteRecord(row: VoteRow): VoteRecord {
  return {
    id: row.id,
    unitId: row.unit_id,
    unitPath: row.unit_path,
    topicId: row.topic_id,
    conventionId: row.convention_id,
    title: row.title,
    options: row.options,
    electorate: row.electorate,
    quorum: row.quorum,
    passRule: row.pass_rule,
    opensAt: row.opens_at,
    closesAt: row.closes_at,
    hideResults: row.hide_results,
    status: row.status,
    eligible: row.eligible,
    result: row.result,
    closedAt: row.closed_at,
    closedByUserId: row.closed_by_user_id,
    createdByUserId: row.created_by_user_id,
    createdAt: row.created_at,
  };
}

function toBallot(row: BallotRow): BallotRecord {
  return {
    id: row.id,
    voteId: row.vote_id,
    voterKey: row.voter_key,
    personId: row.person_id,
    option: row.option,
    channel: row.channel,
    evidenceRef: row.evidence_ref,
    recordedByUserId: row.recorded_by_user_id,
    castAt: row.cast_at,
  };
}

export interface NewVote {
  unitId: string;
  unitPath: string;
  topicId: string | null;
  conventionId: string | null;
  title: string;
  options: string[];
  electorate: VoteElectorate;
  quorum: VoteQuorum;
  passRule: VotePassRule;
  opensAt: Date;
  closesAt: Date;
  hideResults: boolean;
  createdByUserId: string;
  createdAt: Date;
}

export interface NewBallot {
  voteId: string;
  voterKey: string;
  personId: string;
  option: string;
  channel: 'online' | 'paper';
  evidenceRef: string | null;
  recordedByUserId: string | null;
  castAt: Date;
}

/**
 * Votes (`deliberation_votes`), their frozen electoral rolls (`deliberation_vote_electors`) and
 * their ballots (`deliberation_ballots`, one per vote and voter key).
 */
/** Which votes a list shows, on top of what the caller may see. */
export interface VoteFilter {
  unitPath?: string;
  topicId?: string;
  /** open: not closed and before its end time at `now`; closed: closed or past it. */
  status?: 'open' | 'closed';
  now: Date;
  /** Keyset: after this (created_at, id), newest first. */
  after?: [string, string];
  limit: number;
}

@Injectable()
export class VotesRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Up to `limit + 1` votes `visible` (a condition on `v.unit_path`) lets the caller see, newest first. */
  async page(visible: SqlCondition, filter: VoteFilter): Promise<VoteRecord[]> {
    const qb = this.dataSource
      .createQueryBuilder()
      .select('v.*')
      .from('deliberation_votes', 'v')
      .where(visible.sql, visible.params);
    if (filter.unitPath !== undefined) {
      const within = unitPathCondition('v.unit_path', [filter.unitPath], 'within');
      qb.andWhere(within.sql, within.params);
    }
    if (filter.topicId) qb.andWhere('v.topic_id = :topicId', { topicId: filter.topicId });
    if (filter.status === 'open') qb.andWhere(`v.status = 'open' AND v.closes_at > :now`, { now: filter.now });
    if (filter.status === 'closed') qb.andWhere(`(v.status = 'closed' OR v.closes_at <= :now)`, { now: filter.now });
    if (filter.after)
      qb.andWhere('(v.created_at, v.id) < (:afterAt::timestamptz, :afterId::uuid)', {
        afterAt: filter.after[0],
        afterId: filter.after[1],
      });
    const rows: VoteRow[] = await qb
      .orderBy('v.created_at', 'DESC')
      .addOrderBy('v.id', 'DESC')
      .limit(filter.limit + 1)
      .getRawMany();
    return rows.map(toVoteRecord);
  }

  /** Inserts the vote with `eligible` 0; `freezeRoll` sets it. */
  async insert(manager: EntityManager, vote: NewVote): Promise<string> {
    const [row] = await queryRows<{ id: string }>(
      manager,
      `INSERT INTO deliberation_votes (unit_id, unit_path, topic_id, convention_id, title, options, electorate, quorum,
                                       pass_rule, opens_at, closes_at, hide_results, eligible, created_by_user_id, created_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, 0, $13, $14) RETURNING id`,
      [
        vote.unitId,
        vote.unitPath,
        vote.topicId,
        vote.conventionId,
        vote.title,
        vote.options,
        vote.electorate,
        vote.quorum,
        vote.passRule,
        vote.opensAt,
        vote.closesAt,
        vote.hideResults,
        vote.createdByUserId,
        vote.createdAt,
      ],
    );
    return row.id;
  }

  /** Freezes the roll in one statement and records `eligible` (the number of distinct voter keys). */
  async freezeRoll(manager: EntityManager, voteId: string, personIds: string[], voterKeys: string[]): Promise<number> {
    await manager.query(
      `INSERT INTO deliberation_vote_electors (vote_id, person_id, voter_key)
       SELECT $1, t.person_id, t.voter_key FROM unnest($2::uuid[], $3::text[]) AS t(person_id, voter_key)
       ON CONFLICT DO NOTHING`,
      [voteId, personIds, voterKeys],
    );
    const [row] = await queryRows<{ eligible: number }>(
      manager,
      `UPDATE deliberation_votes SET eligible = (SELECT count(DISTINCT voter_key)::int FROM unnest($2::text[]) AS voter_key)
        WHERE id = $1 RETURNING eligible`,
      [voteId, voterKeys],
    );
    return row.eligible;
  }

  /** The active representatives at the unit or below it (each person once). */
  async representativesWithin(manager: EntityManager, path: string, onDate: string): Promise<string[]> {
    const rows = await queryRows<{ person_id: string }>(
      manager,
      `SELECT DISTINCT person_id FROM deliberation_representatives
        WHERE ended_on IS NULL AND started_on <= $3::date AND (unit_path = $1 OR starts_with(unit_path, $2))
        ORDER BY person_id`,
      [path, `${path}.`, onDate],
    );
    return rows.map((row) => row.person_id);
  }

  /**
   * The vote, or undefined. `lock: 'share'` is what a ballot takes (`FOR KEY SHARE`, the lock its
   * foreign key takes anyway: ballots run side by side, a closing's `FOR UPDATE` waits for them);
   * `lock: 'update'` is the closing's.
   */
  async readOne(
    manager: EntityManager,
    id: string,
    options: { lock?: 'share' | 'update' } = {},
  ): Promise<VoteRecord | undefined> {
    const lock = options.lock === 'share' ? ' FOR KEY SHARE' : options.lock === 'update' ? ' FOR UPDATE' : '';
    const rows = await queryRows<VoteRow>(manager, `SELECT * FROM deliberation_votes WHERE id = $1${lock}`, [id]);
    return rows[0] ? toVoteRecord(rows[0]) : undefined;
  }

  async readMany(manager: EntityManager, ids: string[]): Promise<VoteRecord[]> {
    if (ids.length === 0) return [];
    const rows = await queryRows<VoteRow>(manager, `SELECT * FROM deliberation_votes WHERE id = ANY($1::uuid[])`, [
      ids,
    ]);
    const byId = new Map(rows.map((row) => [row.id, toVoteRecord(row)]));
    return ids.flatMap((id) => byId.get(id) ?? []);
  }

  /** The person's voter key on the vote's roll, or undefined when they are not on it. */
  async voterKey(manager: EntityManager, voteId: string, personId: string): Promise<string | undefined> {
    const [row] = await queryRows<{ voter_key: string }>(
      manager,
      `SELECT voter_key FROM deliberation_vote_electors WHERE vote_id = $1 AND person_id = $2`,
      [voteId, personId],
    );
    return row?.voter_key;
  }

  /** One ballot per (vote, voter key): answers the new ballot, or undefined when the key has voted already. */
  async insertBallot(manager: EntityManager, ballot: NewBallot): Promise<BallotRecord | undefined> {
    const rows = await queryRows<BallotRow>(
      manager,
      `INSERT INTO deliberation_ballots (vote_id, voter_key, person_id, option, channel, evidence_ref, recorded_by_user_id, cast_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
       ON CONFLICT (vote_id, voter_key) DO NOTHING RETURNING *`,
      [
        ballot.voteId,
        ballot.voterKey,
        ballot.personId,
        ballot.option,
        ballot.channel,
        ballot.evidenceRef,
        ballot.recordedByUserId,
        ballot.castAt,
      ],
    );
    return rows[0] ? toBallot(rows[0]) : undefined;
  }

  async ballotOf(manager: EntityManager, voteId: string, voterKey: string): Promise<BallotRecord | undefined> {
    const rows = await queryRows<BallotRow>(
      manager,
      `SELECT * FROM deliberation_ballots WHERE vote_id = $1 AND voter_key = $2`,
      [voteId, voterKey],
    );
    return rows[0] ? toBallot(rows[0]) : undefined;
  }

  /** voteId → the ballot of the person's voter key (theirs, or their household's) on each vote whose roll holds them. */
  async ballotsOfPerson(
    manager: EntityManager,
    voteIds: string[],
    personId: string,
  ): Promise<Map<string, BallotRecord>> {
    if (voteIds.length === 0) return new Map();
    const rows = await queryRows<BallotRow>(
      manager,
      `SELECT b.* FROM deliberation_vote_electors e
         JOIN deliberation_ballots b ON b.vote_id = e.vote_id AND b.voter_key = e.voter_key
        WHERE e.vote_id = ANY($1::uuid[]) AND e.person_id = $2`,
      [voteIds, personId],
    );
    return new Map(rows.map((row) => [row.vote_id, toBallot(row)]));
  }

  /** voteId → option → ballots, counted in SQL. */
  async counts(manager: EntityManager, voteIds: string[]): Promise<Map<string, Record<string, number>>> {
    const result = new Map<string, Record<string, number>>(voteIds.map((id) => [id, {}]));
    if (voteIds.length === 0) return result;
    const rows = await queryRows<{ vote_id: string; option: string; n: number }>(
      manager,
      `SELECT vote_id, option, count(*)::int AS n FROM deliberation_ballots WHERE vote_id = ANY($1::uuid[]) GROUP BY vote_id, option`,
      [voteIds],
    );
    for (const row of rows) (result.get(row.vote_id) as Record<string, number>)[row.option] = row.n;
    return result;
  }

  /**
   * Open votes due to close at `now`, locked, oldest end first. The lock waits for ballots in
   * flight and for a concurrent closer, after whom the row no longer reads as open.
   */
  async lockDue(manager: EntityManager, now: Date, limit: number): Promise<VoteRecord[]> {
    const rows = await queryRows<VoteRow>(
      manager,
      `SELECT * FROM deliberation_votes WHERE status = 'open' AND closes_at <= $1
        ORDER BY closes_at, id LIMIT $2 FOR UPDATE`,
      [now, limit],
    );
    return rows.map(toVoteRecord);
  }

  /** Records the results of open votes (guarded: a vote already closed is left as it is); answers the ids closed. */
  async close(
    manager: EntityManager,
    results: { voteId: string; result: VoteResult }[],
    at: Date,
    byUserId: string | null,
  ): Promise<string[]> {
    if (results.length === 0) return [];
    const rows = await queryRows<{ id: string }>(
      manager,
      `UPDATE deliberation_votes v SET status = 'closed', result = r.result, closed_at = $2, closed_by_user_id = $3
         FROM jsonb_to_recordset($1::jsonb) AS r(id uuid, result jsonb)
        WHERE v.id = r.id AND v.status = 'open' RETURNING v.id`,
      [JSON.stringify(results.map((r) => ({ id: r.voteId, result: r.result }))), at, byUserId],
    );
    return rows.map((row) => row.id);
  }
}
