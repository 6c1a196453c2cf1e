import { Injectable } from '@nestjs/common';
import { queryRows } from '@linli/platform';
import { EntityManager } from 'typeorm';
import { countElectorate, CountedPart, Electorate, PartStatus, toCenti } from '../decisions/electorate-counting';

/**
 * The electorate of a complex now: its exclusive parts with their current owners (`ended_on IS NULL`)
 * counted by `countElectorate` (SPC interpretation arts 8–9). One statement for the whole complex.
 */
@Injectable()
export class ComplexElectorate {
  async current(manager: EntityManager, complexId: string): Promise<Electorate & { parts: number }> {
    const parts = await this.parts(manager, complexId);
    return { ...countElectorate(parts), parts: parts.length };
  }

  /** The complex's parts with their current owners (sorted person ids). */
  async parts(manager: EntityManager, complexId: string): Promise<CountedPart[]> {
    const rows = await queryRows<{ id: string; area: string; status: PartStatus; owners: string[] }>(
      manager,
      `SELECT p.id, p.area_m2::text AS area, p.status,
              coalesce(array_agg(o.person_id::text ORDER BY o.person_id) FILTER (WHERE o.person_id IS NOT NULL), '{}') AS owners
         FROM property_parts p
         LEFT JOIN property_part_owners o ON o.part_id = p.id AND o.ended_on IS NULL
        WHERE p.complex_id = $1
        GROUP BY p.id`,
      [complexId],
    );
    return rows.map((row) => ({
      id: row.id,
      areaCenti: toCenti(row.area),
      status: row.status,
      ownerPersonIds: row.owners,
    }));
  }
}
