import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { ImportContext, ImportOutcome } from '../import-context';
import { UnitsImportPlan } from './units-import.plan';

/**
 * Applies a validated units file in set-based statements: one INSERT for every new unit (ids,
 * `seq` labels, `path` and `depth` computed here, parents first) and one UPDATE for existing codes
 * that touches only rows whose values differ.
 */
@Injectable()
export class UnitsImportWriter {
  async apply(plan: UnitsImportPlan, context: ImportContext): Promise<ImportOutcome> {
    const { manager, now } = context;
    const paths: string[] = plan.updates.map((unit) => unit.path);

    if (plan.creates.length > 0) {
      // Labels come from the column's own identity sequence, so they never collide with units created elsewhere.
      const seqRows: { seq: string }[] = await manager.query(
        `SELECT nextval(pg_get_serial_sequence('units', 'seq'))::text AS seq FROM generate_series(1, $1::int)`,
        [plan.creates.length],
      );
      const created = new Map<string, { id: string; path: string }>();
      const records = plan.creates.map((unit, index) => {
        const seq = seqRows[index].seq;
        let parentId: string | null = null;
        let parentPath: string | null = null;
        if (unit.parent?.kind === 'existing') {
          parentId = unit.parent.id;
          parentPath = unit.parent.path;
        } else if (unit.parent?.kind === 'new') {
          const parent = created.get(unit.parent.code);
          if (!parent) throw new Error(`unit import: parent ${unit.parent.code} not placed before ${unit.code}`);
          parentId = parent.id;
          parentPath = parent.path;
        }
        const id = randomUUID();
        const path = parentPath === null ? seq : `${parentPath}.${seq}`;
        created.set(unit.code, { id, path });
        paths.push(path);
        return {
          id,
          seq,
          kind: unit.kind,
          name: unit.name,
          code: unit.code,
          parent_id: parentId,
          path,
          depth: unit.depth,
          residents: unit.residents ?? 0,
          households: unit.households ?? 0,
          area_m2: unit.areaM2 ?? null,
          ord: index,
        };
      });
      await manager.query(
        `INSERT INTO units (id, seq, kind, name, code, parent_id, path, depth, residents, households, area_m2, created_at, updated_at)
         OVERRIDING SYSTEM VALUE
         SELECT r.id, r.seq, r.kind, r.name, r.code, r.parent_id, r.path, r.depth, r.residents, r.households, r.area_m2, $2, $2
           FROM jsonb_to_recordset($1::jsonb) AS r(id uuid, seq bigint, kind text, name text, code text, parent_id uuid, path text,
                                                   depth smallint, residents int, households int, area_m2 numeric, ord int)
          ORDER BY r.ord`,
        [JSON.stringify(records), now],
      );
    }

    let updated = 0;
    if (plan.updates.length > 0) {
      const records = plan.updates.map((unit) => ({
        code: unit.code,
        name: unit.name,
        residents: unit.residents ?? null,
        households: unit.households ?? null,
        area_m2: unit.areaM2 ?? null,
      }));
      // Blank cells keep the stored value; rows whose values are all the same are not touched.
      const [{ count }]: { count: number }[] = await manager.query(
        `WITH changed AS (
           UPDATE units u
              SET name = r.name,
                  residents = COALESCE(r.residents, u.residents),
                  households = COALESCE(r.households, u.households),
                  area_m2 = COALESCE(r.area_m2, u.area_m2),
                  updated_at = $2
             FROM jsonb_to_recordset($1::jsonb) AS r(code text, name text, residents int, households int, area_m2 numeric)
            WHERE u.code = r.code
              AND (u.name, u.residents, u.households, u.area_m2)
                  IS DISTINCT FROM (r.name, COALESCE(r.residents, u.residents), COALESCE(r.households, u.households), COALESCE(r.area_m2, u.area_m2))
           RETURNING u.id)
         SELECT count(*)::int AS count FROM changed`,
        [JSON.stringify(records), now],
      );
      updated = count;
    }
    return { created: plan.creates.length, updated, paths };
  }
}
