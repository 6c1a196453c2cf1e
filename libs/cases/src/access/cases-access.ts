import { Injectable } from '@nestjs/common';
import { AuthenticatedUser, NotFoundProblem, Permission, ScopeService, SqlCondition } from '@linli/platform';
import { EntityManager } from 'typeorm';
import { CaseRow } from '../cases/case-record';
import { CasesRepository } from '../cases/cases.repository';

const WHAT = '该案件';

/**
 * Who sees and acts on a case: staff with a cases permission at its unit, and its reporters (the
 * reporter and everyone whose duplicate was merged into it), who see their own cases, verify and
 * rate them. Anything else answers 404.
 */
@Injectable()
export class CasesAccess {
  constructor(
    private readonly cases: CasesRepository,
    private readonly scope: ScopeService,
  ) {}

  /** The case the caller may see (staff with cases.read in scope, or one of its reporters); else 404. */
  async visible(user: AuthenticatedUser, id: string, manager?: EntityManager, lock = false): Promise<CaseRow> {
    const row = await this.cases.readOne(manager, id, lock);
    if (!row) throw new NotFoundProblem(WHAT);
    if (this.scope.canReach(user, Permission.CasesRead, row.unit_path)) return row;
    if (await this.isReporter(user, row.id)) return row;
    throw new NotFoundProblem(WHAT);
  }

  canHandle(user: AuthenticatedUser, unitPath: string): boolean {
    return this.scope.canReach(user, Permission.CasesHandle, unitPath);
  }

  async isReporter(user: AuthenticatedUser, caseId: string): Promise<boolean> {
    if (!user.personId) return false;
    const reporters = (await this.cases.reporters([caseId])).get(caseId) ?? [];
    return reporters.some((reporter) => reporter.person_id === user.personId);
  }

  /** SQL condition on cases `c` for lists: in the caller's cases.read scope, or reported by them. Named parameters. */
  visibility(user: AuthenticatedUser): SqlCondition {
    const staff = this.scope.condition('c.unit_path', user, Permission.CasesRead, 'casesScope');
    if (!user.personId) return staff;
    return {
      sql: `(${staff.sql} OR c.id IN (SELECT r.case_id FROM case_reporters r WHERE r.person_id = :reporterPersonId))`,
      params: { ...staff.params, reporterPersonId: user.personId },
    };
  }
}
