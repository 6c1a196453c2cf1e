import { Injectable } from '@nestjs/common';
import { queryRows } from '@linli/platform';
import { EntityManager } from 'typeorm';
import { countElectorate, Electorate, PartStatus, toCenti } from './electorate-counting';

/**
 * The electorate of a complex now, as a decision freezes it: its exclusive parts with their current
 * owners (`ended_on IS NULL`) counted by `countElectorate` (SPC interpretation arts 8–9). One
 * statement for the whole complex (5,000 parts are one round trip).
 */
@Injectable()
export class DecisionElectorate {
  async current(manager: EntityManager, complexId: string): Promise<Electorate & { parts: number }> {
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
    const electorate = countElectorate(
      rows.map((row) => ({ id: row.id, areaCenti: toCenti(row.area), status: row.status, ownerPersonIds: row.owners })),
    );
    return { ...electorate, parts: rows.length };
  }
}
