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
