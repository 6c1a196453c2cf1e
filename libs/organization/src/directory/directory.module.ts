import { Module } from '@nestjs/common';
import { CommunitySecretaries } from './community-secretaries';
import { DirectoryReferences } from './directory-references';
import { OrganizationDirectory } from './organization-directory';
import { OrganizationOwnedReferences } from './organization-owned-references';
import { OrganizationsDirectory } from './organizations.directory';
import { PeopleDirectory } from './people.directory';
import { UnitsDirectory } from './units.directory';

/**
 * Organization's directory, for every domain module that reads organization's data; also registers
 * the `unit`, `person`, `organization` and `institution` reference kinds with the kernel.
 */
@Module({
  providers: [
    UnitsDirectory,
    PeopleDirectory,
    OrganizationsDirectory,
    OrganizationDirectory,
    DirectoryReferences,
    OrganizationOwnedReferences,
    CommunitySecretaries,
  ],
  exports: [OrganizationDirectory, CommunitySecretaries],
})
export class OrganizationDirectoryModule {}
