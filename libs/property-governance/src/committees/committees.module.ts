import { Module } from '@nestjs/common';
import { OrganizationDirectoryModule } from '@linli/organization';
import { PropertyAccessModule } from '../access/property-access.module';
import { PropertyDecisionsModule } from '../decisions/decisions.module';
import { PropertySettingsModule } from '../settings/settings.module';
import { CommitteeRecords } from './committee-records.service';
import { CommitteeViews } from './committee-views';
import { CommitteesRepository } from './committees.repository';
import { CommitteesService } from './committees.service';
import { ElectPropertyCommitteeUseCase } from './usecases/elect-property-committee.usecase';
// Registers the committee notification texts wherever the area loads (the notifier renders them).
import './committees-templates';

const PROVIDERS = [
  CommitteesRepository,
  CommitteeViews,
  CommitteesService,
  CommitteeRecords,
  ElectPropertyCommitteeUseCase,
];

/** Domain face of the committees area: owners' committees elected by a decision, their offices, filing, changes and deadlines. */
@Module({
  imports: [OrganizationDirectoryModule, PropertyAccessModule, PropertyDecisionsModule, PropertySettingsModule],
  providers: PROVIDERS,
  exports: PROVIDERS,
})
export class PropertyCommitteesModule {}
