import { Module } from '@nestjs/common';
import { ProfilesModule } from '../profiles/profiles.module';
import { DemandAccess } from './demand-access.service';
import { DemandsNotifier } from './demands-notifier';
import { DemandsQuery } from './demands-query.service';
import { DemandMatching } from './matching/demand-matching.service';

/** Domain face of the demands area: access, reads, matching and notifications shared by the HTTP and jobs faces. */
@Module({
  imports: [ProfilesModule],
  providers: [DemandAccess, DemandsQuery, DemandMatching, DemandsNotifier],
  exports: [ProfilesModule, DemandAccess, DemandsQuery, DemandMatching, DemandsNotifier],
})
export class DemandsModule {}
