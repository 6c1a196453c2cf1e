import { Injectable } from '@nestjs/common';
import { DomainRegistry } from './domain-registry';
import { EntityManager } from 'typeorm';
import { ErasureReport, PersonalDataContext, PersonalDataEraser } from './personal-data';

/**
 * The registered erasers, one per domain that keeps personal data besides ids (organization: the
 * person record; volunteers: the profile's free text). Run in the anonymisation's transaction.
 */
@Injectable()
export class PersonalDataErasers extends DomainRegistry<PersonalDataEraser> {
  async erasePerson(
    personId: string,
    context: PersonalDataContext & { pseudonym: string },
  ): Promise<Record<string, ErasureReport>> {
    const reports: Record<string, ErasureReport> = {};
    for (const eraser of this.all()) reports[eraser.domain] = await eraser.erasePerson(personId, context);
    return reports;
  }

  /** Whether any domain that can tell says the person was anonymised. */
  async isErased(personId: string, manager?: EntityManager): Promise<boolean> {
    for (const eraser of this.all()) if (eraser.isErased && (await eraser.isErased(personId, manager))) return true;
    return false;
  }
}
