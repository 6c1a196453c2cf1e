import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { StructureFinding } from './structure-evaluator';

/** The stored findings of the monthly check: one set per (period, city), replaced wholly on every run. */
@Injectable()
export class StructureFindingsStore {
  /** Replaces the findings of `periodKey` for `cityUnitId` in the caller's transaction; returns how many were stored. */
  async replace(
    manager: EntityManager,
    periodKey: string,
    cityUnitId: string,
    findings: StructureFinding[],
  ): Promise<number> {
    await manager.query(`DELETE FROM structure_findings WHERE period_key = $1 AND city_unit_id = $2`, [
      periodKey,
      cityUnitId,
    ]);
    const batch = 5000;
    for (let start = 0; start < findings.length; start += batch) {
      const slice = findings.slice(start, start + batch);
      await manager.query(
        `INSERT INTO structure_findings (period_key, city_unit_id, rule, unit_id, unit_path, organization_id, message, numbers)
         SELECT $1, $2, f.rule, f.unit_id, f.unit_path, f.organization_id, f.message, f.numbers
           FROM unnest($3::varchar[], $4::uuid[], $5::text[], $6::uuid[], $7::text[], $8::jsonb[])
             AS f(rule, unit_id, unit_path, organization_id, message, numbers)`,
        [
          periodKey,
          cityUnitId,
          slice.map((f) => f.rule),
          slice.map((f) => f.unitId),
          slice.map((f) => f.unitPath),
          slice.map((f) => f.organizationId),
          slice.map((f) => f.message),
          slice.map((f) => JSON.stringify(f.numbers)),
        ],
      );
    }
    return findings.length;
  }
}
