import { Module } from '@nestjs/common';
import { InstitutionsController } from './institutions.controller';
import { InstitutionsModule } from './institutions.module';

/** HTTP face of institutions; mounted by the api. */
@Module({ imports: [InstitutionsModule], controllers: [InstitutionsController] })
export class InstitutionsHttpModule {}
