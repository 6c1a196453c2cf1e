import { Module } from '@nestjs/common';
import { OrganizationDirectoryModule } from '@linli/organization';
import { ProfilesModule } from '../profiles/profiles.module';
import { DemandAccess } from './demand-access.service';
import { DemandsNotifier } from './demands-notifier';
import { DemandsQuery } from './demands-query.service';
import { DemandsRepository } from './demands.repository';
import { DemandJobsRepository } from './jobs/demand-jobs.repository';
import { DemandMatchingRepository } from './matching/demand-matching.repository';
import { DemandMatching } from './matching/demand-matching.service';

const PROVIDERS = [
  DemandsRepository,
  DemandMatchingRepository,
  DemandJobsRepository,
  DemandAccess,
  DemandsQuery,
  DemandMatching,
  DemandsNotifier,
];

/** Domain face of the demands area: data access, access rules, reads, matching and notifications shared by the HTTP and jobs faces. */
@Module({
  imports: [ProfilesModule, OrganizationDirectoryModule],
  providers: PROVIDERS,
  exports: [ProfilesModule, OrganizationDirectoryModule, ...PROVIDERS],
})
export class DemandsModule {}
