import { Module } from '@nestjs/common';

/** HTTP face of dual-registrations; mounted by the api. */
@Module({})
export class DualRegistrationsHttpModule {}
