import { Injectable, OnModuleInit } from '@nestjs/common';
import { ReferenceResolvers } from '@linli/platform';
import { EntityManager } from 'typeorm';
import { OrganizationsDirectory } from './organizations.directory';

/**
 * Registers the reference kinds organization owns beyond `unit`, `person` and `organization`
 * (those are `DirectoryReferences`'): an `institution` lies at the unit where it is located.
 * A party member is not a kind: a member is in scope where their organization is anchored *or*
 * where they live, which one path cannot say; members are checked by `MembersService.findVisible`.
 */
@Injectable()
export class OrganizationOwnedReferences implements OnModuleInit {
  constructor(
    private readonly resolvers: ReferenceResolvers,
    private readonly organizations: OrganizationsDirectory,
  ) {}

  onModuleInit(): void {
    this.resolvers.register({
      kind: 'institution',
      displayName: '该单位（机构）',
      pathsOf: async (ids: string[], manager?: EntityManager) =>
        new Map(
          [...(await this.organizations.institutions(ids, manager))].map(([id, institution]) => [
            id,
            institution.unitPath,
          ]),
        ),
    });
  }
}
