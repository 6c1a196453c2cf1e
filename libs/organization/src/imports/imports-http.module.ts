import { Module } from '@nestjs/common';
import { ImportsController } from './http/imports.controller';
import { ImportsModule } from './imports.module';

/** HTTP face of imports; mounted by the api. */
@Module({ imports: [ImportsModule], controllers: [ImportsController] })
export class ImportsHttpModule {}
