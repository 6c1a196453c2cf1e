import { Module } from '@nestjs/common';
import { OrganizationDirectoryModule } from '@linli/organization';
import { PropertyAccessModule } from '../access/property-access.module';
import { SeatsRepository } from './seats.repository';
import { SeatsService } from './seats.service';

const PROVIDERS = [SeatsRepository, SeatsService];

/** Domain face of the seats area: who holds which seat of a complex's bodies (交叉任职). */
@Module({ imports: [OrganizationDirectoryModule, PropertyAccessModule], providers: PROVIDERS, exports: PROVIDERS })
export class PropertySeatsModule {}
