import { Module } from '@nestjs/common';
import { OrganizationDirectoryModule } from '@linli/organization';
import { PropertyAccessModule } from '../access/property-access.module';
import { CompaniesRepository } from './companies.repository';
import { CompaniesService } from './companies.service';
import { ContractsService } from './contracts.service';

const PROVIDERS = [CompaniesRepository, CompaniesService, ContractsService];

/** Domain face of the companies area: the register of property companies and their service contracts. */
@Module({ imports: [OrganizationDirectoryModule, PropertyAccessModule], providers: PROVIDERS, exports: PROVIDERS })
export class PropertyCompaniesModule {}
