import { Module } from '@nestjs/common';
import { ConventionsModule } from './conventions.module';

/** HTTP face of the conventions area; mounted by the api. */
@Module({ imports: [ConventionsModule], controllers: [] })
export class ConventionsHttpModule {}
