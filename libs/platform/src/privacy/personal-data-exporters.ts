import { Injectable } from '@nestjs/common';
import { DomainRegistry } from './domain-registry';
import { PersonalDataContext, PersonalDataExporter } from './personal-data';

/**
 * The registered exporters, one per domain (organization: the person record, residence,
 * memberships, roles; points: accounts, entries, redemptions; volunteers: profile, hours, sign-ups).
 * The kernel reads no domain's tables: `GET /me/data` asks each exporter.
 */
@Injectable()
export class PersonalDataExporters extends DomainRegistry<PersonalDataExporter> {
  /** `{ [domain]: its part }`, every exporter in the caller's transaction. */
  async exportPerson(personId: string, context: PersonalDataContext): Promise<Record<string, Record<string, unknown>>> {
    const parts: Record<string, Record<string, unknown>> = {};
    for (const exporter of this.all()) parts[exporter.domain] = await exporter.exportPerson(personId, context);
    return parts;
  }
}
