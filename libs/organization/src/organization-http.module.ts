import { Module } from '@nestjs/common';
import { UnitsHttpModule } from './units/units-http.module';
import { PartyOrganizationsHttpModule } from './party-organizations/party-organizations-http.module';
import { PeopleHttpModule } from './people/people-http.module';
import { MembersHttpModule } from './members/members-http.module';
import { DualRegistrationsHttpModule } from './dual-registrations/dual-registrations-http.module';
import { InstitutionsHttpModule } from './institutions/institutions-http.module';
import { StaffRolesHttpModule } from './staff-roles/staff-roles-http.module';
import { ImportsHttpModule } from './imports/imports-http.module';
import { AnalyticsHttpModule } from './analytics/analytics-http.module';
import { StructureCheckHttpModule } from './structure-check/structure-check-http.module';

/** The organization HTTP face (mounted by the api). */
@Module({
  imports: [
    UnitsHttpModule,
    PartyOrganizationsHttpModule,
    PeopleHttpModule,
    MembersHttpModule,
    DualRegistrationsHttpModule,
    InstitutionsHttpModule,
    StaffRolesHttpModule,
    ImportsHttpModule,
    AnalyticsHttpModule,
    StructureCheckHttpModule,
  ],
})
export class OrganizationHttpModule {}
