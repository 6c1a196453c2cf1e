import { Injectable, OnModuleInit } from '@nestjs/common';
import { ReferenceResolvers } from '@linli/platform';
import { EntityManager } from 'typeorm';
import { OrganizationsDirectory } from './organizations.directory';
import { PeopleDirectory } from './people.directory';
import { UnitsDirectory } from './units.directory';

/**
 * Registers organization's kinds with the kernel's reference check: a `unit` lies at its path, a
 * `person` at their residence, an `organization` at the unit it is anchored to.
 */
@Injectable()
export class DirectoryReferences implements OnModuleInit {
  constructor(
    private readonly resolvers: ReferenceResolvers,
    private readonly units: UnitsDirectory,
    private readonly people: PeopleDirectory,
    private readonly organizations: OrganizationsDirectory,
  ) {}

  onModuleInit(): void {
    this.resolvers.register({
      kind: 'unit',
      displayName: '该单位',
      pathsOf: async (ids: string[], manager?: EntityManager) =>
        mapValues(await this.units.byIds(ids, manager), (unit) => unit.path),
    });
    this.resolvers.register({
      kind: 'person',
      displayName: '该人员',
      pathsOf: (ids: string[], manager?: EntityManager) => this.people.residencePaths(ids, manager),
    });
    this.resolvers.register({
      kind: 'organization',
      displayName: '该党组织',
      pathsOf: async (ids: string[], manager?: EntityManager) =>
        mapValues(await this.organizations.byIds(ids, manager), (organization) => organization.unitPath),
    });
  }
}

function mapValues<T>(map: Map<string, T>, value: (item: T) => string): Map<string, string> {
  return new Map([...map].map(([id, item]) => [id, value(item)]));
}
