import { Module } from '@nestjs/common';
import { OrganizationDirectoryModule } from '@linli/organization';
import { PropertyCommitteesModule } from './committees.module';
import { CommitteeDeadlinesJob } from './jobs/committee-deadlines.job';
import { CommitteeDeadlinesRepository } from './jobs/committee-deadlines.repository';

/** Jobs face of the committees area; mounted by the scheduler: committee deadlines and term expiry. */
@Module({
  imports: [PropertyCommitteesModule, OrganizationDirectoryModule],
  providers: [CommitteeDeadlinesRepository, CommitteeDeadlinesJob],
})
export class PropertyCommitteesJobsModule {}
