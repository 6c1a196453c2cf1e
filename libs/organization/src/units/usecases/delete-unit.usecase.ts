import { Injectable } from '@nestjs/common';
import { AuditLog, AuthenticatedUser, isForeignKeyViolation, NotFoundProblem, Permission, ScopeService, TransactionRunner } from '@linli/platform';
import { EntityManager } from 'typeorm';
import { describeHoldings, isEmptyUnit, UnitHoldings } from '../unit-holdings';
import { UnitEntity } from '../unit.entity';
import { UnitsCode, UnitsException } from '../units.exception';

/**
 * Everything that still points at a unit, counted in one statement (`$1` id, `$2` path). Tables
 * without an index on their unit id are matched on their indexed path copy, which is the same unit.
 */
const HOLDINGS_SQL = `
  SELECT (SELECT count(*) FROM units WHERE parent_id = $1)::integer AS "childUnits",
         (SELECT count(*) FROM people WHERE residence_unit_id = $1)::integer AS "people",
         (SELECT count(*) FROM party_organizations WHERE unit_path = $2)::integer AS "anchoredOrganizations",
         (SELECT count(*) FROM organization_coverage WHERE unit_id = $1)::integer AS "coveringOrganizations",
         (SELECT count(*) FROM institutions WHERE unit_path = $2)::integer AS "institutions",
         (SELECT count(*) FROM staff_roles WHERE unit_id = $1)::integer AS "staffRoles",
         (SELECT count(*) FROM dual_registrations WHERE community_path = $2)::integer AS "dualRegistrations",
         (SELECT count(*) FROM users WHERE unit_path = $2)::integer AS "accounts",
         (SELECT count(*) FROM role_grants WHERE unit_path = $2)::integer AS "grants"`;

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
  ) {}

  async execute(user: AuthenticatedUser, unitId: string): Promise<void> {
    await this.transactions.run(async (manager) => {
      // FOR UPDATE waits for writers that anchored a row here (they hold FOR SHARE) and blocks new ones.
      const unit = await manager.getRepository(UnitEntity).createQueryBuilder('unit').where('unit.id = :unitId', { unitId }).setLock('pessimistic_write').getOne();
      if (!unit || !this.scope.canReach(user, Permission.UnitsManage, unit.path)) throw new NotFoundProblem('该单位');
      const parentPath = unit.parentId === null ? null : unit.path.slice(0, unit.path.lastIndexOf('.'));
      if (!this.scope.canReach(user, Permission.UnitsManage, parentPath)) throw new UnitsException(UnitsCode.ParentForbidden);
      const holdings = await this.holdings(manager, unit);
      if (!isEmptyUnit(holdings)) {
        throw new UnitsException(UnitsCode.NotEmpty, { detail: describeHoldings(unit.name, holdings), extensions: { holdings } });
      }
      await manager.query('DELETE FROM structure_findings WHERE unit_id = $1 OR city_unit_id = $1', [unit.id]);
      try {
        await manager.query('DELETE FROM units WHERE id = $1', [unit.id]);
      } catch (error) {
        if (isForeignKeyViolation(error)) throw new UnitsException(UnitsCode.NotEmpty, { detail: `「${unit.name}」仍被其他记录引用，不能删除` });
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

  private async holdings(manager: EntityManager, unit: UnitEntity): Promise<UnitHoldings> {
    const [row] = (await manager.query(HOLDINGS_SQL, [unit.id, unit.path])) as UnitHoldings[];
    return row;
  }
}
