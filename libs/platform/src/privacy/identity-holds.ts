import { Injectable } from '@nestjs/common';
import { DomainRegistry } from './domain-registry';
import { IdentityHold, IdentityHolder, PersonalDataContext } from './personal-data';

/** A hold with the domain that answered it. */
export interface DomainIdentityHold extends IdentityHold {
  domain: string;
}

/**
 * The registered identity holders, one per domain: before a person is anonymised, each says what
 * still needs the identity (an active party membership, an officer post, an open redemption with its
 * pickup code, an upcoming sign-up, a claimed demand…). Any hold refuses the anonymisation.
 */
@Injectable()
export class IdentityHolds extends DomainRegistry<IdentityHolder> {
  async holdsOf(personId: string, context: PersonalDataContext): Promise<DomainIdentityHold[]> {
    const holds: DomainIdentityHold[] = [];
    for (const holder of this.all()) {
      for (const hold of await holder.holdsOf(personId, context)) {
        if (hold.count > 0) holds.push({ domain: holder.domain, ...hold });
      }
    }
    return holds;
  }
}
