import { Injectable } from '@nestjs/common';
import {
  AuditLog,
  AuthenticatedUser,
  isWithin,
  Permission,
  ScopedReferences,
  ScopeService,
  TransactionRunner,
  UnitPathMaintenance,
} from '@linli/platform';
import { EntityManager } from 'typeorm';
import { MoveUnitDto } from '../dto/move-unit.dto';
import { UnitDto } from '../dto/unit.dto';
import { ALLOWED_PARENTS } from '../unit-kind';
import { lockUnitTree } from '../unit-tree.lock';
import { UnitEntity } from '../unit.entity';
import { UnitsCode, UnitsException } from '../units.exception';
import { UnitsRepository } from '../units.repository';
import { UnitsService } from '../units.service';

/** Rows rewritten by one move, per table (kept in the audit entry): `units` and every declared path copy. */
export type MovedRows = Record<string, number>;

/**
 * `POST /units/:id/move`: puts a unit (and its whole subtree) under another parent. The caller
 * needs `units.manage` over the unit's current parent and over the new one. One transaction
 * rewrites every path (units and every declared copy: organization's, accounts and grants, other domains'); the tree lock
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
    private readonly tree: UnitsRepository,
    private readonly references: ScopedReferences,
  ) {}

  async execute(user: AuthenticatedUser, unitId: string, command: MoveUnitDto): Promise<UnitDto> {
    const moved = await this.transactions.run(async (manager) => {
      await lockUnitTree(manager, 'exclusive');
      // Read after the lock: no other move can change these paths until we commit.
      const unit = await this.units.getReachable(user, Permission.UnitsManage, unitId, manager);
      await this.references.reachOne(user, Permission.UnitsManage, 'unit', command.parentId, manager);
      const parent = await this.units.get(command.parentId, manager);
      if (isWithin(parent.path, unit.path)) throw new UnitsException(UnitsCode.MoveIntoOwnSubtree);
      if (!ALLOWED_PARENTS[unit.kind].includes(parent.kind)) throw UnitsException.parentKind(unit.kind, parent.kind);
      const oldParentPath = unit.path.slice(0, unit.path.lastIndexOf('.'));
      if (!this.scope.canReach(user, Permission.UnitsManage, oldParentPath))
        throw new UnitsException(UnitsCode.ParentForbidden);
      if (unit.parentId === parent.id) return unit;
      return this.moveSubtree(manager, unit, parent);
    });
    return UnitDto.from(moved);
  }

  private async moveSubtree(manager: EntityManager, unit: UnitEntity, parent: UnitEntity): Promise<UnitEntity> {
    const oldPath = unit.path;
    const newPath = `${parent.path}.${unit.seq}`;
    const units = await this.tree.moveSubtree(manager, unit, parent, newPath);
    const rows: MovedRows = { units, ...(await this.paths.moveSubtree(oldPath, newPath, manager)) };
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
