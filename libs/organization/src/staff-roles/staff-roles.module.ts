import { Module } from '@nestjs/common';
import { PartyOrganizationsModule } from '../party-organizations/party-organizations.module';
import { StaffRolesService } from './staff-roles.service';
import { AppointStaffRoleUseCase } from './usecases/appoint-staff-role.usecase';
import { EndStaffRoleUseCase } from './usecases/end-staff-role.usecase';

/** Domain face of staff roles: appointing (with the scope grant they bring), ending, reading. */
@Module({
  imports: [PartyOrganizationsModule],
  providers: [StaffRolesService, AppointStaffRoleUseCase, EndStaffRoleUseCase],
  exports: [StaffRolesService, AppointStaffRoleUseCase, EndStaffRoleUseCase],
})
export class StaffRolesModule {}
