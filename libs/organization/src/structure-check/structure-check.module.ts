import { Module } from '@nestjs/common';
import { AnalyticsModule } from '../analytics/analytics.module';
import { StructureCandidatesQuery } from './structure-candidates.query';
import { StructureCheckRunner } from './structure-check.runner';
import { StructureCheckService } from './structure-check.service';
import { StructureFindingsRecipients } from './structure-findings.recipients';
import { StructureFindingsStore } from './structure-findings.store';
import { StructureRulesSource } from './structure-rules.source';
// Registers the notification template in every app (the notifier renders it).
import './structure-findings.templates';

/** Domain face of the structure check: the rules, the live check, and the monthly run's store and notifications. */
@Module({
  imports: [AnalyticsModule],
  providers: [
    StructureRulesSource,
    StructureCandidatesQuery,
    StructureCheckService,
    StructureFindingsStore,
    StructureFindingsRecipients,
    StructureCheckRunner,
  ],
  exports: [StructureRulesSource, StructureCheckService, StructureCheckRunner],
})
export class StructureCheckModule {}
