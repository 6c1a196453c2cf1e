import { Module } from '@nestjs/common';

/** Domain face of staff-roles: services other parts of the organization module and other domains use. */
@Module({})
export class StaffRolesModule {}
