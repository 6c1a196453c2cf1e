import { Injectable } from '@nestjs/common';
import { decodeTimeIdCursor, encodeCursor, queryRows } from '@linli/platform';
import { EntityManager } from 'typeorm';
import { AreaSource, PartStatus } from '../decisions/electorate-counting';

export interface NewPart {
  building: string;
  number: string;
  areaCenti: number;
  areaSource: AreaSource;
  status: PartStatus;
  ownerPersonIds: string[];
}

export interface PartRow {
  id: string;
  complex_id: string;
  unit_path: string;
  building: string;
  number: string;
  area: string;
  area_source: AreaSource;
  status: PartStatus;
  created_at: Date;
}

export interface OwnershipRow {
  part_id: string;
  person_id: string;
  started_on: string;
  ended_on: string | null;
}

const PART_COLUMNS = `p.id, p.complex_id, p.unit_path, p.building, p.number, p.area_m2::text AS area, p.area_source, p.status, p.created_at`;

/** SQL of exclusive parts and their ownership rows (`property_parts`, `property_part_owners`). */
@Injectable()
export class PartsRepository {
  /** The `building|number` keys among `keys` the complex has already. */
  async existingKeys(manager: EntityManager, complexId: string, parts: NewPart[]): Promise<Set<string>> {
    const rows = await queryRows<{ building: string; number: string }>(
      manager,
      `SELECT p.building, p.number FROM property_parts p
         JOIN unnest($2::text[], $3::text[]) AS k(building, number) ON k.building = p.building AND k.number = p.number
        WHERE p.complex_id = $1`,
      [complexId, parts.map((part) => part.building), parts.map((part) => part.number)],
    );
    return new Set(rows.map((row) => `${row.building}|${row.number}`));
  }

  /** Inserts the parts and their current owners (two statements); answers the ids in input order. */
  async insertAll(
    manager: EntityManager,
    complex: { id: string; path: string },
    parts: NewPart[],
    startedOn: string,
    userId: string,
  ): Promise<string[]> {
    const rows = await queryRows<{ id: string; building: string; number: string }>(
      manager,
      `INSERT INTO property_parts (complex_id, unit_path, building, number, area_m2, area_source, status)
       SELECT $1, $2, k.building, k.number, k.centi::numeric / 100, k.source, k.status
         FROM unnest($3::text[], $4::text[], $5::bigint[], $6::text[], $7::text[]) AS k(building, number, centi, source, status)
       RETURNING id, building, number`,
      [
        complex.id,
        complex.path,
        parts.map((part) => part.building),
        parts.map((part) => part.number),
        parts.map((part) => part.areaCenti),
        parts.map((part) => part.areaSource),
        parts.map((part) => part.status),
      ],
    );
    const idOf = new Map(rows.map((row) => [`${row.building}|${row.number}`, row.id]));
    const ids = parts.map((part) => idOf.get(`${part.building}|${part.number}`) as string);
    const owners = parts.flatMap((part, i) => part.ownerPersonIds.map((personId) => [ids[i], personId]));
    if (owners.length > 0) await this.startOwners(manager, owners, startedOn, userId);
    return ids;
  }

  async startOwners(manager: EntityManager, pairs: string[][], startedOn: string, userId: string): Promise<void> {
    await manager.query(
      `INSERT INTO property_part_owners (part_id, person_id, started_on, recorded_by_user_id)
       SELECT k.part_id, k.person_id, $3::date, $4 FROM unnest($1::uuid[], $2::uuid[]) AS k(part_id, person_id)`,
      [pairs.map((pair) => pair[0]), pairs.map((pair) => pair[1]), startedOn, userId],
    );
  }

  /** Ends the part's current ownership rows on `endedOn`; answers the persons whose rows ended. */
  async endOwners(manager: EntityManager, partId: string, endedOn: string): Promise<string[]> {
    const rows = await queryRows<{ person_id: string }>(
      manager,
      `UPDATE property_part_owners SET ended_on = $2::date WHERE part_id = $1 AND ended_on IS NULL RETURNING person_id`,
      [partId, endedOn],
    );
    return rows.map((row) => row.person_id);
  }

  async byId(manager: EntityManager, id: string, lock = false): Promise<PartRow | null> {
    const rows = await queryRows<PartRow>(
      manager,
      `SELECT ${PART_COLUMNS} FROM property_parts p WHERE p.id = $1${lock ? ' FOR UPDATE' : ''}`,
      [id],
    );
    return rows[0] ?? null;
  }

  /** A page of the complex's parts, oldest first; `ownerPersonId` narrows to the parts the person owns now. */
  async page(
    manager: EntityManager,
    complexId: string,
    filter: { building?: string; ownerPersonId?: string; cursor?: string; limit: number },
  ): Promise<{ rows: PartRow[]; nextCursor: string | null }> {
    const params: unknown[] = [complexId];
    const where = ['p.complex_id = $1'];
    if (filter.building) {
      params.push(filter.building);
      where.push(`p.building = $${params.length}`);
    }
    if (filter.ownerPersonId) {
      params.push(filter.ownerPersonId);
      where.push(
        `EXISTS (SELECT 1 FROM property_part_owners o WHERE o.part_id = p.id AND o.ended_on IS NULL AND o.person_id = $${params.length})`,
      );
    }
    if (filter.cursor) {
      const [at, id] = decodeTimeIdCursor(filter.cursor);
      params.push(at, id);
      where.push(`(p.created_at, p.id) > ($${params.length - 1}::timestamptz, $${params.length}::uuid)`);
    }
    params.push(filter.limit + 1);
    const rows = await queryRows<PartRow>(
      manager,
      `SELECT ${PART_COLUMNS} FROM property_parts p WHERE ${where.join(' AND ')}
        ORDER BY p.created_at, p.id LIMIT $${params.length}`,
      params,
    );
    const more = rows.length > filter.limit;
    const page = rows.slice(0, filter.limit);
    const last = page[page.length - 1];
    return { rows: page, nextCursor: more && last ? encodeCursor([last.created_at.toISOString(), last.id]) : null };
  }

  /** Ownership rows of the parts: current only, or the whole history. */
  async ownerships(manager: EntityManager, partIds: string[], history = false): Promise<OwnershipRow[]> {
    if (partIds.length === 0) return [];
    return queryRows<OwnershipRow>(
      manager,
      `SELECT part_id, person_id, started_on::text AS started_on, ended_on::text AS ended_on
         FROM property_part_owners WHERE part_id = ANY($1::uuid[])${history ? '' : ' AND ended_on IS NULL'}
        ORDER BY started_on, created_at, person_id`,
      [partIds],
    );
  }

  async update(
    manager: EntityManager,
    id: string,
    change: { areaCenti?: number; areaSource?: AreaSource; status?: PartStatus },
  ): Promise<void> {
    await manager.query(
      `UPDATE property_parts SET area_m2 = coalesce($2::numeric / 100, area_m2), area_source = coalesce($3, area_source),
              status = coalesce($4, status), updated_at = now() WHERE id = $1`,
      [id, change.areaCenti ?? null, change.areaSource ?? null, change.status ?? null],
    );
  }
}
