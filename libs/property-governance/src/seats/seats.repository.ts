import { Injectable } from '@nestjs/common';
import { Page, PageQueryDto, paginateRaw, queryRows, SqlCondition } from '@linli/platform';
import { DataSource, EntityManager } from 'typeorm';
import { SeatBody } from './seat-bodies';

export interface SeatRow {
  id: string;
  complex_id: string;
  unit_path: string;
  body: SeatBody;
  role: string;
  person_id: string;
  started_on: string;
  ended_on: string | null;
  created_at: Date;
}

/** A current committee position, read for the cross-appointment views. */
export interface CommitteePosition {
  complex_id: string;
  committee_id: string;
  person_id: string;
  office: 'chair' | 'vice_chair' | 'member';
}

const COLUMNS = `s.id, s.complex_id, s.unit_path, s.body, s.role, s.person_id, s.started_on::text AS started_on,
  s.ended_on::text AS ended_on, s.created_at`;

/** SQL of seats (`property_seats`) and the current committee positions they are read with. */
@Injectable()
export class SeatsRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** The new seat's id; undefined when the person holds this seat already (unique current seat). */
  async insert(
    manager: EntityManager,
    seat: {
      complexId: string;
      unitPath: string;
      body: SeatBody;
      role: string;
      personId: string;
      startedOn: string;
      userId: string;
    },
  ): Promise<string | undefined> {
    const rows = await queryRows<{ id: string }>(
      manager,
      `INSERT INTO property_seats (complex_id, unit_path, body, role, person_id, started_on, created_by_user_id)
       VALUES ($1, $2, $3, $4, $5, $6, $7)
       ON CONFLICT (complex_id, body, role, person_id) WHERE ended_on IS NULL DO NOTHING RETURNING id`,
      [seat.complexId, seat.unitPath, seat.body, seat.role, seat.personId, seat.startedOn, seat.userId],
    );
    return rows[0]?.id;
  }

  async readOne(manager: EntityManager | undefined, id: string, lock = false): Promise<SeatRow | undefined> {
    const rows = await queryRows<SeatRow>(
      manager ?? this.dataSource.manager,
      `SELECT ${COLUMNS} FROM property_seats s WHERE s.id = $1${lock ? ' FOR UPDATE' : ''}`,
      [id],
    );
    return rows[0];
  }

  async end(manager: EntityManager, id: string, endedOn: string): Promise<void> {
    await manager.query(`UPDATE property_seats SET ended_on = $2 WHERE id = $1`, [id, endedOn]);
  }

  /** Up to `limit + 1` seats `visible` lets the caller see, newest first. */
  async page(
    visible: SqlCondition,
    filter: {
      complexId?: string;
      body?: SeatBody;
      personId?: string;
      current?: boolean;
    },
    page: PageQueryDto,
  ): Promise<Page<SeatRow>> {
    const qb = this.dataSource
      .createQueryBuilder()
      .select(COLUMNS)
      .from('property_seats', 's')
      .where(visible.sql, visible.params);
    if (filter.complexId) qb.andWhere('s.complex_id = :complexId', { complexId: filter.complexId });
    if (filter.body) qb.andWhere('s.body = :body', { body: filter.body });
    if (filter.personId) qb.andWhere('s.person_id = :personId', { personId: filter.personId });
    if (filter.current !== undefined) qb.andWhere(filter.current ? 's.ended_on IS NULL' : 's.ended_on IS NOT NULL');
    return paginateRaw<SeatRow>(qb, page, {
      sortColumn: 's.created_at',
      sortKey: (row) => row.created_at,
      tieColumn: 's.id',
      tieKey: (row) => row.id,
      direction: 'DESC',
    });
  }

  /** The current seats at the complexes. */
  async currentAt(complexIds: string[]): Promise<SeatRow[]> {
    return queryRows<SeatRow>(
      this.dataSource.manager,
      `SELECT ${COLUMNS} FROM property_seats s WHERE s.complex_id = ANY($1::uuid[]) AND s.ended_on IS NULL
        ORDER BY s.complex_id, s.body, s.role, s.person_id`,
      [complexIds],
    );
  }

  /** The current members (with their office) of the active committees at the complexes. */
  async committeePositions(complexIds: string[]): Promise<CommitteePosition[]> {
    return queryRows<CommitteePosition>(
      this.dataSource.manager,
      `SELECT c.complex_id, c.id AS committee_id, m.person_id,
              CASE WHEN m.person_id = c.chair_person_id THEN 'chair'
                   WHEN m.person_id = c.vice_chair_person_id THEN 'vice_chair' ELSE 'member' END AS office
         FROM property_committees c JOIN property_committee_members m ON m.committee_id = c.id AND m.left_on IS NULL
        WHERE c.status = 'active' AND c.complex_id = ANY($1::uuid[])
        ORDER BY c.complex_id, m.person_id`,
      [complexIds],
    );
  }

  /** The complexes with a service contract in force on `today`. */
  async withContract(complexIds: string[], today: string): Promise<Set<string>> {
    const rows = await queryRows<{ complex_id: string }>(
      this.dataSource.manager,
      `SELECT DISTINCT complex_id FROM property_contracts
        WHERE complex_id = ANY($1::uuid[]) AND starts_on <= $2::date AND (ends_on IS NULL OR ends_on >= $2::date)`,
      [complexIds, today],
    );
    return new Set(rows.map((row) => row.complex_id));
  }
}
