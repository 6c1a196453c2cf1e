import { Module } from '@nestjs/common';

/** HTTP face of staff-roles; mounted by the api. */
@Module({})
export class StaffRolesHttpModule {}
