import { Injectable } from '@nestjs/common';
import { AuditLog, AuthenticatedUser, Permission, ScopeService, TransactionRunner, UnitPathMaintenance } from '@linli/platform';
import { EntityManager } from 'typeorm';
import { MoveUnitDto } from '../dto/move-unit.dto';
import { UnitDto } from '../dto/unit.dto';
import { ALLOWED_PARENTS } from '../unit-kind';
import { descendantsPattern, isWithin } from '../unit-paths';
import { lockUnitTree } from '../unit-tree.lock';
import { UnitEntity } from '../unit.entity';
import { UnitsCode, UnitsException } from '../units.exception';
import { UnitsService } from '../units.service';

/**
 * Every denormalized copy of a unit path in the organization tables. A table that starts keeping
 * a copy is added here, and a move rewrites it with the rest.
 */
const PATH_COPIES = [
  { key: 'people', table: 'people', column: 'residence_path' },
  { key: 'partyMembers', table: 'party_members', column: 'residence_path' },
  { key: 'partyOrganizations', table: 'party_organizations', column: 'unit_path' },
  { key: 'organizationCoverage', table: 'organization_coverage', column: 'unit_path' },
  { key: 'institutions', table: 'institutions', column: 'unit_path' },
  { key: 'dualRegistrations', table: 'dual_registrations', column: 'community_path' },
  { key: 'staffRoles', table: 'staff_roles', column: 'unit_path' },
  { key: 'structureFindings', table: 'structure_findings', column: 'unit_path' },
] as const;

/** Rows rewritten by one move, per table (kept in the audit entry). */
export type MovedRows = Record<'units' | (typeof PATH_COPIES)[number]['key'], number>;

/**
 * Rewrites, in one statement, the path and depth of every unit of the subtree and every
 * denormalized copy of those paths: `$1` old path, `$2` new path, `$3` LIKE pattern of the old
 * subtree, `$4` depth change, `$5` new parent id. Each table is one set-based UPDATE.
 */
const MOVE_SUBTREE_SQL = `
  WITH moved_units AS (
    UPDATE units
       SET path = $2 || substr(path, length($1) + 1),
           depth = depth + $4::integer,
           parent_id = CASE WHEN path = $1 THEN $5::uuid ELSE parent_id END,
           updated_at = CASE WHEN path = $1 THEN now() ELSE updated_at END
     WHERE path = $1 OR path LIKE $3
     RETURNING 1
  )${PATH_COPIES.map(
    ({ key, table, column }) => `, "moved_${key}" AS (
    UPDATE ${table} SET ${column} = $2 || substr(${column}, length($1) + 1)
     WHERE ${column} = $1 OR ${column} LIKE $3 RETURNING 1
  )`,
  ).join('')}
  SELECT (SELECT count(*) FROM moved_units)::integer AS "units"${PATH_COPIES.map(
    ({ key }) => `,
         (SELECT count(*) FROM "moved_${key}")::integer AS "${key}"`,
  ).join('')}`;

/**
 * `POST /units/:id/move`: puts a unit (and its whole subtree) under another parent. The caller
 * needs `units.manage` over the unit's current parent and over the new one. One transaction
 * rewrites every path (units, the organization tables' copies, accounts and grants); the tree lock
 * keeps concurrent path copies and moves out of the way.
 */
@Injectable()
export class MoveUnitUseCase {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly units: UnitsService,
    private readonly scope: ScopeService,
    private readonly paths: UnitPathMaintenance,
    private readonly audit: AuditLog,
  ) {}

  async execute(user: AuthenticatedUser, unitId: string, command: MoveUnitDto): Promise<UnitDto> {
    const moved = await this.transactions.run(async (manager) => {
      await lockUnitTree(manager, 'exclusive');
      // Read after the lock: no other move can change these paths until we commit.
      const unit = await this.units.getReachable(user, Permission.UnitsManage, unitId, manager);
      const parent = await this.units.getReachable(user, Permission.UnitsManage, command.parentId, manager);
      if (isWithin(parent.path, unit.path)) throw new UnitsException(UnitsCode.MoveIntoOwnSubtree);
      if (!ALLOWED_PARENTS[unit.kind].includes(parent.kind)) throw UnitsException.parentKind(unit.kind, parent.kind);
      const oldParentPath = unit.path.slice(0, unit.path.lastIndexOf('.'));
      if (!this.scope.canReach(user, Permission.UnitsManage, oldParentPath)) throw new UnitsException(UnitsCode.ParentForbidden);
      if (unit.parentId === parent.id) return unit;
      return this.moveSubtree(manager, unit, parent);
    });
    return UnitDto.from(moved);
  }

  private async moveSubtree(manager: EntityManager, unit: UnitEntity, parent: UnitEntity): Promise<UnitEntity> {
    const oldPath = unit.path;
    const newPath = `${parent.path}.${unit.seq}`;
    const [rows] = (await manager.query(MOVE_SUBTREE_SQL, [oldPath, newPath, descendantsPattern(oldPath), parent.depth + 1 - unit.depth, parent.id])) as MovedRows[];
    await this.paths.moveSubtree(oldPath, newPath, manager);
    await this.audit.record(
      {
        action: 'units.moved',
        targetType: 'unit',
        targetId: unit.id,
        unitId: unit.id,
        unitPath: newPath,
        data: { fromParentId: unit.parentId, toParentId: parent.id, oldPath, newPath, rewritten: rows },
      },
      manager,
    );
    return manager.getRepository(UnitEntity).findOneByOrFail({ id: unit.id });
  }
}
