import { Module } from '@nestjs/common';
import { PropertyAccessModule } from './access/property-access.module';
import { PropertyPartsModule } from './parts/parts.module';
import { PropertyDecisionsModule } from './decisions/decisions.module';
import { PropertyCommitteesModule } from './committees/committees.module';
import { PropertySeatsModule } from './seats/seats.module';
import { PropertyCompaniesModule } from './companies/companies.module';
import { PropertyEvaluationsModule } from './evaluations/evaluations.module';
import { PropertyOverviewModule } from './overview/overview.module';
import { PropertySettingsModule } from './settings/settings.module';
import { PropertyReferences } from './property-references';

const AREAS = [
  PropertyAccessModule,
  PropertyPartsModule,
  PropertyDecisionsModule,
  PropertyCommitteesModule,
  PropertySeatsModule,
  PropertyCompaniesModule,
  PropertyEvaluationsModule,
  PropertyOverviewModule,
  PropertySettingsModule,
];

/**
 * The property-governance domain face: exclusive parts and owners, owners' joint decisions,
 * committees, seats (交叉任职), companies and contracts, evaluations, overviews; registers its kinds.
 */
@Module({ imports: AREAS, providers: [PropertyReferences], exports: AREAS })
export class PropertyGovernanceModule {}
