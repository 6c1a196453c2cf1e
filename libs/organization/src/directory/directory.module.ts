import { Module } from '@nestjs/common';
import { DirectoryReferences } from './directory-references';
import { OrganizationDirectory } from './organization-directory';
import { OrganizationsDirectory } from './organizations.directory';
import { PeopleDirectory } from './people.directory';
import { UnitsDirectory } from './units.directory';

/**
 * Organization's directory, for every domain module that reads organization's data; also registers
 * the `unit`, `person` and `organization` reference kinds with the kernel.
 */
@Module({
  providers: [UnitsDirectory, PeopleDirectory, OrganizationsDirectory, OrganizationDirectory, DirectoryReferences],
  exports: [OrganizationDirectory],
})
export class OrganizationDirectoryModule {}
