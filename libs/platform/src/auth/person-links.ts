import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { NotFoundProblem } from '../errors/common-problems';
import { PersonalDataErasers } from '../privacy/personal-data-erasers';
import { AuthCode, AuthException } from './auth.problems';
import { AuthenticatedUser } from './authenticated-user';
import { Permission } from './permissions';
import { ReferenceResolvers } from './references/reference-resolvers';
import { ScopedReferences } from './references/scoped-references';

/**
 * The check before an account is linked to a person: the person must exist and lie within the
 * caller's `users.manage` scope (404 `resource.not-found` otherwise, like a missing person), so that
 * an administrator of one community cannot give themselves an account acting for a resident of
 * another (and read or spend their points). Without the module that registers `person`
 * (organization) no person exists: 404 as well. An anonymised person is never linked again (409
 * `users.person-anonymised`).
 */
@Injectable()
export class PersonLinks {
  constructor(
    private readonly references: ScopedReferences,
    private readonly resolvers: ReferenceResolvers,
    private readonly erasers: PersonalDataErasers,
  ) {}

  async assertLinkable(caller: AuthenticatedUser, personId: string, manager?: EntityManager): Promise<void> {
    if (!this.resolvers.has('person')) throw new NotFoundProblem('该人员');
    await this.references.reachOne(caller, Permission.UsersManage, 'person', personId, manager);
    if (await this.erasers.isErased(personId, manager)) throw new AuthException(AuthCode.PersonAnonymised);
  }
}
