import { Module } from '@nestjs/common';
import { DualRegistrationsController } from './dual-registrations.controller';
import { DualRegistrationsModule } from './dual-registrations.module';

/** HTTP face of dual registrations; mounted by the api. */
@Module({ imports: [DualRegistrationsModule], controllers: [DualRegistrationsController] })
export class DualRegistrationsHttpModule {}
