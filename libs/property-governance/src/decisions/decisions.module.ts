import { Module } from '@nestjs/common';
import { OrganizationDirectoryModule } from '@linli/organization';
import { PropertyAccessModule } from '../access/property-access.module';

const PROVIDERS: never[] = [];

/** Domain face of the decisions area. */
@Module({ imports: [OrganizationDirectoryModule, PropertyAccessModule], providers: PROVIDERS, exports: PROVIDERS })
export class PropertyDecisionsModule {}
