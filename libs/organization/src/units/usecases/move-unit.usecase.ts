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

/** Rows rewritten by one move, per table (kept in the audit entry). */
export interface MovedRows {
  units: number;
  people: number;
  partyMembers: number;
  partyOrganizations: number;
  organizationCoverage: number;
  institutions: number;
  dualRegistrations: number;
  staffRoles: number;
  structureFindings: number;
}

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
  ), moved_people AS (
    UPDATE people SET residence_path = $2 || substr(residence_path, length($1) + 1)
     WHERE residence_path = $1 OR residence_path LIKE $3 RETURNING 1
  ), moved_members AS (
    UPDATE party_members SET residence_path = $2 || substr(residence_path, length($1) + 1)
     WHERE residence_path = $1 OR residence_path LIKE $3 RETURNING 1
  ), moved_organizations AS (
    UPDATE party_organizations SET unit_path = $2 || substr(unit_path, length($1) + 1)
     WHERE unit_path = $1 OR unit_path LIKE $3 RETURNING 1
  ), moved_coverage AS (
    UPDATE organization_coverage SET unit_path = $2 || substr(unit_path, length($1) + 1)
     WHERE unit_path = $1 OR unit_path LIKE $3 RETURNING 1
  ), moved_institutions AS (
    UPDATE institutions SET unit_path = $2 || substr(unit_path, length($1) + 1)
     WHERE unit_path = $1 OR unit_path LIKE $3 RETURNING 1
  ), moved_registrations AS (
    UPDATE dual_registrations SET community_path = $2 || substr(community_path, length($1) + 1)
     WHERE community_path = $1 OR community_path LIKE $3 RETURNING 1
  ), moved_staff AS (
    UPDATE staff_roles SET unit_path = $2 || substr(unit_path, length($1) + 1)
     WHERE unit_path = $1 OR unit_path LIKE $3 RETURNING 1
  ), moved_findings AS (
    UPDATE structure_findings SET unit_path = $2 || substr(unit_path, length($1) + 1)
     WHERE unit_path = $1 OR unit_path LIKE $3 RETURNING 1
  )
  SELECT (SELECT count(*) FROM moved_units)::integer AS "units",
         (SELECT count(*) FROM moved_people)::integer AS "people",
         (SELECT count(*) FROM moved_members)::integer AS "partyMembers",
         (SELECT count(*) FROM moved_organizations)::integer AS "partyOrganizations",
         (SELECT count(*) FROM moved_coverage)::integer AS "organizationCoverage",
         (SELECT count(*) FROM moved_institutions)::integer AS "institutions",
         (SELECT count(*) FROM moved_registrations)::integer AS "dualRegistrations",
         (SELECT count(*) FROM moved_staff)::integer AS "staffRoles",
         (SELECT count(*) FROM moved_findings)::integer AS "structureFindings"`;

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
