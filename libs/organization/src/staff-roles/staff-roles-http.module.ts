import { Module } from '@nestjs/common';
import { StaffRolesController } from './staff-roles.controller';
import { StaffRolesModule } from './staff-roles.module';

/** HTTP face of staff roles; mounted by the api. */
@Module({ imports: [StaffRolesModule], controllers: [StaffRolesController] })
export class StaffRolesHttpModule {}
