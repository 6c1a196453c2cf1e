import { Module } from '@nestjs/common';
import { CompaniesController } from './companies.controller';
import { PropertyCompaniesModule } from './companies.module';
import { ContractsController } from './contracts.controller';

/** HTTP face of the companies area; mounted by the api. */
@Module({ imports: [PropertyCompaniesModule], controllers: [CompaniesController, ContractsController] })
export class PropertyCompaniesHttpModule {}
