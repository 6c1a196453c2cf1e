import { Module } from '@nestjs/common';
import { OrganizationDirectoryModule } from './directory/directory.module';
import { UnitsModule } from './units/units.module';
import { PartyOrganizationsModule } from './party-organizations/party-organizations.module';
import { PeopleModule } from './people/people.module';
import { MembersModule } from './members/members.module';
import { DualRegistrationsModule } from './dual-registrations/dual-registrations.module';
import { InstitutionsModule } from './institutions/institutions.module';
import { StaffRolesModule } from './staff-roles/staff-roles.module';
import { ImportsModule } from './imports/imports.module';
import { AnalyticsModule } from './analytics/analytics.module';
import { StructureCheckModule } from './structure-check/structure-check.module';
import { OrganizationPersonalData } from './people/personal-data/organization-personal-data';
import { PersonPersonalDataRepository } from './people/personal-data/person-personal-data.repository';

/** The organization domain face: every area's services, in every app that enables the module. */
@Module({
  imports: [
    OrganizationDirectoryModule,
    UnitsModule,
    PartyOrganizationsModule,
    PeopleModule,
    MembersModule,
    DualRegistrationsModule,
    InstitutionsModule,
    StaffRolesModule,
    ImportsModule,
    AnalyticsModule,
    StructureCheckModule,
  ],
  providers: [OrganizationPersonalData, PersonPersonalDataRepository],
  exports: [
    OrganizationDirectoryModule,
    UnitsModule,
    PartyOrganizationsModule,
    PeopleModule,
    MembersModule,
    DualRegistrationsModule,
    InstitutionsModule,
    StaffRolesModule,
    ImportsModule,
    AnalyticsModule,
    StructureCheckModule,
  ],
})
export class OrganizationModule {}
