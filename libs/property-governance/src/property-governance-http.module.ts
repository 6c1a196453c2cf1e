import { Module } from '@nestjs/common';
import { PropertyPartsHttpModule } from './parts/parts-http.module';
import { PropertyDecisionsHttpModule } from './decisions/decisions-http.module';
import { PropertyCommitteesHttpModule } from './committees/committees-http.module';
import { PropertySeatsHttpModule } from './seats/seats-http.module';
import { PropertyCompaniesHttpModule } from './companies/companies-http.module';
import { PropertyEvaluationsHttpModule } from './evaluations/evaluations-http.module';
import { PropertyOverviewHttpModule } from './overview/overview-http.module';
import { PropertySettingsHttpModule } from './settings/settings-http.module';

/** The property-governance HTTP face (mounted by the api), under `/api/v1/property`. */
@Module({
  imports: [
    PropertyPartsHttpModule,
    PropertyDecisionsHttpModule,
    PropertyCommitteesHttpModule,
    PropertySeatsHttpModule,
    PropertyCompaniesHttpModule,
    PropertyEvaluationsHttpModule,
    PropertyOverviewHttpModule,
    PropertySettingsHttpModule,
  ],
})
export class PropertyGovernanceHttpModule {}
