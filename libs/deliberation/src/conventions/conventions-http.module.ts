import { Module } from '@nestjs/common';
import { ConventionsController } from './conventions.controller';
import { ConventionsModule } from './conventions.module';
import { UnitConventionController } from './unit-convention.controller';

/** HTTP face of the conventions area; mounted by the api. */
@Module({ imports: [ConventionsModule], controllers: [ConventionsController, UnitConventionController] })
export class ConventionsHttpModule {}
