import { Module } from '@nestjs/common';
import { PropertyCompaniesModule } from './companies.module';

/** HTTP face of the companies area; mounted by the api. */
@Module({ imports: [PropertyCompaniesModule], controllers: [] })
export class PropertyCompaniesHttpModule {}
