import { Injectable } from '@nestjs/common';
import { descendantsPattern, Page, PageQueryDto, paginateRaw, queryRows, SqlCondition } from '@linli/platform';
import { DataSource, EntityManager } from 'typeorm';
import { CaseLevel, CaseStatus } from './case-flow';
import { CasePatch, CaseRow, CaseStepRow, CaseTaskRow } from './case-record';

/** A new case, as `POST /cases` or the hotline intake reports it. */
export interface NewCase {
  channel: string;
  type: string;
  categoryId: string;
  unitId: string;
  unitPath: string;
  title: string;
  description: string;
  evidence: string[];
  urgency: string;
  reporterPersonId: string | null;
  anonymous: boolean;
  partyPersonIds: string[];
  externalId: string | null;
  status: CaseStatus;
  level: CaseLevel;
  levelUnitId: string;
  reportedAt: Date;
  responseDueAt: Date;
  userId: string | null;
}

export interface CaseListFilter {
  unitPath?: string;
  status?: CaseStatus;
  type?: string;
  channel?: string;
  level?: CaseLevel;
  overdueAt?: Date;
}

const OPEN = `('registered', 'dispatched', 'in_progress', 'suspended')`;

/** SQL of cases, their reporters, tasks and steps. */
@Injectable()
export class CasesRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** The new case's id; undefined when a case of this channel already carries the external id. */
  async insert(manager: EntityManager, c: NewCase): Promise<string | undefined> {
    const rows = await queryRows<{ id: string }>(
      manager,
      `INSERT INTO cases (channel, type, category_id, unit_id, unit_path, title, description, evidence, urgency,
         reporter_person_id, anonymous, party_person_ids, external_id, status, level, level_unit_id,
         reported_at, response_due_at, created_by_user_id, updated_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $17)
       ON CONFLICT (channel, external_id) WHERE external_id IS NOT NULL DO NOTHING RETURNING id`,
      [
        c.channel,
        c.type,
        c.categoryId,
        c.unitId,
        c.unitPath,
        c.title,
        c.description,
        c.evidence,
        c.urgency,
        c.reporterPersonId,
        c.anonymous,
        c.partyPersonIds,
        c.externalId,
        c.status,
        c.level,
        c.levelUnitId,
        c.reportedAt,
        c.responseDueAt,
        c.userId,
      ],
    );
    if (rows[0] && c.reporterPersonId)
      await manager.query(
        `INSERT INTO case_reporters (case_id, person_id, anonymous, added_at) VALUES ($1, $2, $3, $4)`,
        [rows[0].id, c.reporterPersonId, c.anonymous, c.reportedAt],
      );
    return rows[0]?.id;
  }

  async byExternalId(manager: EntityManager, channel: string, externalId: string): Promise<string | undefined> {
    const rows = await queryRows<{ id: string }>(
      manager,
      `SELECT id FROM cases WHERE channel = $1 AND external_id = $2`,
      [channel, externalId],
    );
    return rows[0]?.id;
  }

  async readOne(manager: EntityManager | undefined, id: string, lock = false): Promise<CaseRow | undefined> {
    const rows = await queryRows<CaseRow>(
      manager ?? this.dataSource.manager,
      `SELECT * FROM cases WHERE id = $1${lock ? ' FOR UPDATE' : ''}`,
      [id],
    );
    return rows[0];
  }

  async update(manager: EntityManager, id: string, patch: CasePatch, now: Date): Promise<void> {
    const entries = Object.entries({ ...patch, updated_at: now });
    await manager.query(
      `UPDATE cases SET ${entries.map(([column], i) => `${column} = $${i + 2}`).join(', ')} WHERE id = $1`,
      [id, ...entries.map(([, value]) => value)],
    );
  }

  async step(
    manager: EntityManager,
    step: Omit<CaseStepRow, 'id' | 'data' | 'note' | 'user_id'> & {
      note?: string | null;
      userId: string | null;
      data?: Record<string, unknown>;
    },
  ): Promise<void> {
    await manager.query(
      `INSERT INTO case_steps (case_id, action, from_status, to_status, level, user_id, note, data, at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
      [
        step.case_id,
        step.action,
        step.from_status,
        step.to_status,
        step.level,
        step.userId,
        step.note ?? null,
        step.data ?? {},
        step.at,
      ],
    );
  }

  async steps(id: string): Promise<CaseStepRow[]> {
    return queryRows<CaseStepRow>(this.dataSource.manager, `SELECT * FROM case_steps WHERE case_id = $1 ORDER BY id`, [
      id,
    ]);
  }

  /** Adds the reporters of a merged duplicate to the case it duplicates (each person once). */
  async mergeReporters(manager: EntityManager, intoId: string, fromId: string, at: Date): Promise<number> {
    const rows = await queryRows<{ person_id: string }>(
      manager,
      `INSERT INTO case_reporters (case_id, person_id, anonymous, merged_from_case_id, added_at)
       SELECT $1, person_id, anonymous, $2, $3 FROM case_reporters WHERE case_id = $2
       ON CONFLICT (case_id, person_id) DO NOTHING RETURNING person_id`,
      [intoId, fromId, at],
    );
    return rows.length;
  }

  async reporters(
    ids: string[],
    manager?: EntityManager,
  ): Promise<Map<string, { person_id: string; anonymous: boolean }[]>> {
    const rows = await queryRows<{ case_id: string; person_id: string; anonymous: boolean }>(
      manager ?? this.dataSource.manager,
      `SELECT case_id, person_id, anonymous FROM case_reporters WHERE case_id = ANY($1::uuid[]) ORDER BY added_at`,
      [ids],
    );
    const result = new Map<string, { person_id: string; anonymous: boolean }[]>();
    for (const row of rows) result.set(row.case_id, [...(result.get(row.case_id) ?? []), row]);
    return result;
  }

  /** The escalation's id; undefined when this (case, level, due instant) escalated already. */
  async recordEscalation(
    manager: EntityManager,
    e: { caseId: string; from: CaseLevel; to: CaseLevel; dueAt: Date; reason: string; userId: string | null; at: Date },
  ): Promise<string | undefined> {
    const rows = await queryRows<{ id: string }>(
      manager,
      `INSERT INTO case_escalations (case_id, from_level, to_level, due_at, reason, by_user_id, at)
       VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT (case_id, from_level, due_at) DO NOTHING RETURNING id`,
      [e.caseId, e.from, e.to, e.dueAt, e.reason, e.userId, e.at],
    );
    return rows[0]?.id;
  }

  async recordVisit(
    manager: EntityManager,
    visit: { caseId: string; satisfaction: string; note: string | null; userId: string; at: Date },
  ): Promise<void> {
    await manager.query(
      `INSERT INTO case_visits (case_id, satisfaction, note, by_user_id, at) VALUES ($1, $2, $3, $4, $5)`,
      [visit.caseId, visit.satisfaction, visit.note, visit.userId, visit.at],
    );
  }

  async addTasks(manager: EntityManager, caseId: string, departmentIds: string[], at: Date): Promise<void> {
    await manager.query(
      `INSERT INTO case_tasks (case_id, department_id, created_at) SELECT $1, unnest($2::uuid[]), $3
       ON CONFLICT (case_id, department_id) DO NOTHING`,
      [caseId, departmentIds, at],
    );
  }

  async tasks(ids: string[], manager?: EntityManager): Promise<Map<string, CaseTaskRow[]>> {
    const rows = await queryRows<CaseTaskRow>(
      manager ?? this.dataSource.manager,
      `SELECT id, case_id, department_id, status, note, done_at FROM case_tasks
       WHERE case_id = ANY($1::uuid[]) ORDER BY created_at, id`,
      [ids],
    );
    const result = new Map<string, CaseTaskRow[]>();
    for (const row of rows) result.set(row.case_id, [...(result.get(row.case_id) ?? []), row]);
    return result;
  }

  /** Marks an open task done; answers how many tasks of the case are still open, or undefined when it was not open. */
  async completeTask(
    manager: EntityManager,
    caseId: string,
    taskId: string,
    done: { note: string | null; userId: string; at: Date },
  ): Promise<number | undefined> {
    const rows = await queryRows<{ id: string }>(
      manager,
      `UPDATE case_tasks SET status = 'done', note = $3, done_at = $5, done_by_user_id = $4
       WHERE id = $2 AND case_id = $1 AND status = 'open' RETURNING id`,
      [caseId, taskId, done.note, done.userId, done.at],
    );
    if (!rows[0]) return undefined;
    const [open] = await queryRows<{ count: number }>(
      manager,
      `SELECT count(*)::int AS count FROM case_tasks WHERE case_id = $1 AND status = 'open'`,
      [caseId],
    );
    return open.count;
  }

  /** Open cases whose level ran out of time by `now`, below the district, locked (others' locks skipped). */
  async lockLevelDue(manager: EntityManager, now: Date, limit: number): Promise<CaseRow[]> {
    return queryRows<CaseRow>(
      manager,
      `SELECT * FROM cases WHERE status IN ('registered', 'dispatched', 'in_progress') AND level_due_at <= $1
         AND level <> 'district' ORDER BY level_due_at, id LIMIT $2 FOR UPDATE SKIP LOCKED`,
      [now, limit],
    );
  }

  /**
   * Open cases past `share` of their level's time and not yet warned, not yet due, locked (others'
   * locks skipped), marked warned in the same statement: each warning goes out once.
   */
  async claimWarnings(manager: EntityManager, now: Date, share: number, limit: number): Promise<CaseRow[]> {
    return queryRows<CaseRow>(
      manager,
      `UPDATE cases SET warned_at = $1 WHERE id IN (
         SELECT id FROM cases WHERE status IN ('registered', 'dispatched', 'in_progress') AND warned_at IS NULL
            AND level_due_at > $1 AND level_started_at + (level_due_at - level_started_at) * $2 <= $1
          ORDER BY level_due_at, id LIMIT $3 FOR UPDATE SKIP LOCKED)
       RETURNING *`,
      [now, share, limit],
    );
  }

  async page(visible: SqlCondition, filter: CaseListFilter, page: PageQueryDto): Promise<Page<CaseRow>> {
    const qb = this.dataSource.createQueryBuilder().select('c.*').from('cases', 'c').where(visible.sql, visible.params);
    if (filter.unitPath)
      qb.andWhere(`(c.unit_path = :unitPath OR c.unit_path LIKE :unitPrefix)`, {
        unitPath: filter.unitPath,
        unitPrefix: descendantsPattern(filter.unitPath),
      });
    if (filter.status) qb.andWhere('c.status = :status', { status: filter.status });
    if (filter.type) qb.andWhere('c.type = :type', { type: filter.type });
    if (filter.channel) qb.andWhere('c.channel = :channel', { channel: filter.channel });
    if (filter.level) qb.andWhere('c.level = :level', { level: filter.level });
    if (filter.overdueAt)
      qb.andWhere(`c.status IN ${OPEN} AND c.resolve_due_at <= :overdueAt`, { overdueAt: filter.overdueAt });
    return paginateRaw<CaseRow>(qb, page, {
      sortColumn: 'c.reported_at',
      sortKey: (row) => row.reported_at,
      tieColumn: 'c.id',
      tieKey: (row) => row.id,
      direction: 'DESC',
    });
  }
}
