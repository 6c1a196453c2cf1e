import { Module } from '@nestjs/common';
import { OrganizationDirectoryModule } from '@linli/organization';
import { PropertyAccessModule } from '../access/property-access.module';
import { PropertySeatsModule } from '../seats/seats.module';
import { PropertyOverviewService } from './property-overview.service';
import { ThreeCarriages } from './three-carriages';

const PROVIDERS = [ThreeCarriages, PropertyOverviewService];

/** Domain face of the overview area: the three carriages and cross-appointments of a complex and of any subtree. */
@Module({
  imports: [OrganizationDirectoryModule, PropertyAccessModule, PropertySeatsModule],
  providers: PROVIDERS,
  exports: PROVIDERS,
})
export class PropertyOverviewModule {}
