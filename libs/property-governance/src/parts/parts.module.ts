import { Module } from '@nestjs/common';
import { OrganizationDirectoryModule } from '@linli/organization';
import { PropertyAccessModule } from '../access/property-access.module';
import { ComplexElectorate } from './complex-electorate';

const PROVIDERS = [ComplexElectorate];

/** Domain face of the parts area. */
@Module({ imports: [OrganizationDirectoryModule, PropertyAccessModule], providers: PROVIDERS, exports: PROVIDERS })
export class PropertyPartsModule {}
