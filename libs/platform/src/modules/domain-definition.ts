import { Type } from '@nestjs/common';
import { SchemaPart } from '../database/schema-part';

/**
 * What a domain lib exports so that the apps can compose it (see docs/adding-a-module.md).
 * `LINLI_MODULES` names domains by `name`.
 */
export interface DomainDefinition {
  /** `organization`, `points`…: the value used in `LINLI_MODULES`. */
  name: string;
  /** Chinese display name, e.g. `组织体系`. */
  displayName: string;
  /** Always part of the database, whether the domain is enabled or not, so that switching it on later needs no other migration. */
  schema: SchemaPart;
  /** The domain face (entities, services, events), imported by every app that enables the domain. */
  domainModule: Type;
  /** The HTTP face, mounted by the api. */
  httpModule?: Type;
  /** The jobs face (event subscribers, schedules), mounted by the scheduler. */
  jobsModule?: Type;
  /** Event subscriber names this domain consumes (each gets queue `events-<name>`). */
  subscribers?: string[];
}
