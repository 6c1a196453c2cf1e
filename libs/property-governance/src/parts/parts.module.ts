import { Module } from '@nestjs/common';
import { OrganizationDirectoryModule } from '@linli/organization';
import { PropertyAccessModule } from '../access/property-access.module';
import { PropertyGovernancePersonalData } from '../personal-data/property-governance-personal-data';
import { ComplexElectorate } from './complex-electorate';
import { PartsFileReader } from './parts-file.reader';
import { PartsRepository } from './parts.repository';
import { PartsService } from './parts.service';
import { ChangePropertyPartUseCase } from './usecases/change-property-part.usecase';
import { CreatePropertyPartsUseCase } from './usecases/create-property-parts.usecase';

const EXPORTS = [
  ComplexElectorate,
  PartsRepository,
  PartsService,
  PartsFileReader,
  CreatePropertyPartsUseCase,
  ChangePropertyPartUseCase,
];

/** Domain face of the parts area (and property governance's personal-data registration). */
@Module({
  imports: [OrganizationDirectoryModule, PropertyAccessModule],
  providers: [...EXPORTS, PropertyGovernancePersonalData],
  exports: EXPORTS,
})
export class PropertyPartsModule {}
