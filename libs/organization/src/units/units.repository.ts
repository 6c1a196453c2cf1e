import { Injectable } from '@nestjs/common';
import { AccountsDirectory, descendantsPattern, queryRows } from '@linli/platform';
import { EntityManager } from 'typeorm';
import { UnitHoldings } from './unit-holdings';
import { UnitEntity } from './unit.entity';

/**
 * Organization's rows that still point at a unit, counted in one statement (`$1` id, `$2` path).
 * Tables without an index on their unit id are matched on their indexed path copy, which is the
 * same unit. Accounts and grants are the kernel's, counted through `AccountsDirectory`.
 */
const HOLDINGS_SQL = `
  SELECT (SELECT count(*) FROM units WHERE parent_id = $1)::integer AS "childUnits",
         (SELECT count(*) FROM people WHERE residence_unit_id = $1)::integer AS "people",
         (SELECT count(*) FROM party_organizations WHERE unit_path = $2)::integer AS "anchoredOrganizations",
         (SELECT count(*) FROM organization_coverage WHERE unit_id = $1)::integer AS "coveringOrganizations",
         (SELECT count(*) FROM institutions WHERE unit_path = $2)::integer AS "institutions",
         (SELECT count(*) FROM staff_roles WHERE unit_id = $1)::integer AS "staffRoles",
         (SELECT count(*) FROM dual_registrations WHERE community_path = $2)::integer AS "dualRegistrations"`;

/**
 * Rewrites the path and depth of every unit of a subtree: `$1` old path, `$2` new path, `$3` LIKE
 * pattern of the old subtree, `$4` depth change, `$5` new parent id.
 */
const MOVE_UNITS_SQL = `
  WITH moved_units AS (
    UPDATE units
       SET path = $2 || substr(path, length($1) + 1),
           depth = depth + $4::integer,
           parent_id = CASE WHEN path = $1 THEN $5::uuid ELSE parent_id END,
           updated_at = CASE WHEN path = $1 THEN now() ELSE updated_at END
     WHERE path = $1 OR path LIKE $3
     RETURNING 1
  )
  SELECT (SELECT count(*) FROM moved_units)::integer AS units`;

/** The SQL of the unit tree's multi-step writes (moves and deletions). */
@Injectable()
export class UnitsRepository {
  constructor(private readonly accounts: AccountsDirectory) {}

  /** The unit, locked FOR UPDATE: waits for writers that anchored a row here (they hold FOR SHARE) and blocks new ones. */
  lockForDelete(manager: EntityManager, unitId: string): Promise<UnitEntity | null> {
    return manager
      .getRepository(UnitEntity)
      .createQueryBuilder('unit')
      .where('unit.id = :unitId', { unitId })
      .setLock('pessimistic_write')
      .getOne();
  }

  async holdings(manager: EntityManager, unit: UnitEntity): Promise<UnitHoldings> {
    const [row] = await queryRows<Omit<UnitHoldings, 'accounts' | 'grants'>>(manager, HOLDINGS_SQL, [
      unit.id,
      unit.path,
    ]);
    return { ...row, ...(await this.accounts.heldAt(unit.path, manager)) };
  }

  /** Deletes the unit and the structure-check findings about it (derived data). */
  async delete(manager: EntityManager, unitId: string): Promise<void> {
    await manager.query('DELETE FROM structure_findings WHERE unit_id = $1 OR city_unit_id = $1', [unitId]);
    await manager.query('DELETE FROM units WHERE id = $1', [unitId]);
  }

  /** Moves the subtree at `unit` under `parent` (units only; path copies are the caller's next step). Returns the units rewritten. */
  async moveSubtree(manager: EntityManager, unit: UnitEntity, parent: UnitEntity, newPath: string): Promise<number> {
    const [row] = await queryRows<{ units: number }>(manager, MOVE_UNITS_SQL, [
      unit.path,
      newPath,
      descendantsPattern(unit.path),
      parent.depth + 1 - unit.depth,
      parent.id,
    ]);
    return row.units;
  }
}
