import { Module } from '@nestjs/common';
import { OrganizationDirectory } from './organization-directory';
import { OrganizationsDirectory } from './organizations.directory';
import { PeopleDirectory } from './people.directory';
import { UnitsDirectory } from './units.directory';

/** Organization's directory, for every domain module that reads organization's data. */
@Module({
  providers: [UnitsDirectory, PeopleDirectory, OrganizationsDirectory, OrganizationDirectory],
  exports: [OrganizationDirectory],
})
export class OrganizationDirectoryModule {}
