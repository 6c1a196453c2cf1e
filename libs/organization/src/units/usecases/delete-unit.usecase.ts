import { Injectable } from '@nestjs/common';
import {
  AuditLog,
  AuthenticatedUser,
  isForeignKeyViolation,
  NotFoundProblem,
  Permission,
  ScopeService,
  TransactionRunner,
} from '@linli/platform';
import { describeHoldings, isEmptyUnit } from '../unit-holdings';
import { UnitsCode, UnitsException } from '../units.exception';
import { UnitsRepository } from '../units.repository';

/**
 * `DELETE /units/:id`: only an empty unit goes (no child units, residents, organizations,
 * institutions, staff roles, registrations, accounts or grants); otherwise 409 naming what it
 * holds. Needs `units.manage` over the unit's parent. Structure-check findings about the unit are
 * derived data and go with it.
 */
@Injectable()
export class DeleteUnitUseCase {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly scope: ScopeService,
    private readonly audit: AuditLog,
    private readonly units: UnitsRepository,
  ) {}

  async execute(user: AuthenticatedUser, unitId: string): Promise<void> {
    await this.transactions.run(async (manager) => {
      const unit = await this.units.lockForDelete(manager, unitId);
      if (!unit || !this.scope.canReach(user, Permission.UnitsManage, unit.path)) throw new NotFoundProblem('该单位');
      const parentPath = unit.parentId === null ? null : unit.path.slice(0, unit.path.lastIndexOf('.'));
      if (!this.scope.canReach(user, Permission.UnitsManage, parentPath))
        throw new UnitsException(UnitsCode.ParentForbidden);
      const holdings = await this.units.holdings(manager, unit);
      if (!isEmptyUnit(holdings)) {
        throw new UnitsException(UnitsCode.NotEmpty, {
          detail: describeHoldings(unit.name, holdings),
          extensions: { holdings },
        });
      }
      try {
        await this.units.delete(manager, unit.id);
      } catch (error) {
        if (isForeignKeyViolation(error))
          throw new UnitsException(UnitsCode.NotEmpty, { detail: `「${unit.name}」仍被其他记录引用，不能删除` });
        throw error;
      }
      await this.audit.record(
        {
          action: 'units.deleted',
          targetType: 'unit',
          targetId: unit.id,
          unitId: unit.id,
          unitPath: unit.path,
          data: { kind: unit.kind, name: unit.name, code: unit.code, parentId: unit.parentId },
        },
        manager,
      );
    });
  }
}
