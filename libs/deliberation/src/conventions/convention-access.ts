import { Injectable } from '@nestjs/common';
import { AuthenticatedUser, NotFoundProblem, Permission, ScopedReferences } from '@linli/platform';
import { EntityManager } from 'typeorm';
import { DeliberationAccess } from '../access/deliberation-access';
import { ConventionRecord } from './convention-record';
import { ConventionsRepository } from './conventions.repository';

const WHAT = '该居民公约';

/**
 * Who sees a convention: staff with deliberation.read in scope, and the residents of its
 * community (drafts included: the community's rules are public). Staff act on it with
 * deliberation.manage or deliberation.decide in scope. Anything else answers 404.
 */
@Injectable()
export class ConventionAccess {
  constructor(
    private readonly conventions: ConventionsRepository,
    private readonly access: DeliberationAccess,
    private readonly references: ScopedReferences,
  ) {}

  async visible(user: AuthenticatedUser, id: string, manager?: EntityManager): Promise<ConventionRecord> {
    const convention = await this.conventions.readOne(manager, id);
    if (!convention) throw new NotFoundProblem(WHAT);
    await this.access.assertCanSee(user, convention.unitPath, WHAT);
    return convention;
  }

  /** 404 unless the caller holds `permission` at the convention's community. */
  async staff(user: AuthenticatedUser, permission: Permission, id: string): Promise<void> {
    await this.references.reachOne(user, permission, 'convention', id);
  }

  /** The convention's resident (living in its community) acting on it; 404/403 as `DeliberationAccess.residentWithin`. */
  async resident(user: AuthenticatedUser, id: string): Promise<{ convention: ConventionRecord; personId: string }> {
    const convention = await this.visible(user, id);
    const resident = await this.access.residentWithin(user, convention.unitPath, WHAT);
    return { convention, personId: resident.personId };
  }
}
