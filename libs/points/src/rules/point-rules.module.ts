import { Module } from '@nestjs/common';
import { OrganizationDirectoryModule } from '@linli/organization';
import { PointsLedgerModule } from '../ledger/points-ledger.module';
import { ActiveRulesReader } from './active-rules.reader';
import { CreditPlanner } from './credit-planner';
import { MemberOrganizationsReader } from './member-organizations.reader';
import { PendingResolutions } from './pending-resolutions.service';
import { PointRulesService } from './point-rules.service';
import { RuleOutcomes } from './rule-outcomes';
import { ApplyPointRulesUseCase } from './usecases/apply-point-rules.usecase';

/** Domain face of the rules: managing them, and applying them to events. */
@Module({
  imports: [PointsLedgerModule, OrganizationDirectoryModule],
  providers: [
    ActiveRulesReader,
    MemberOrganizationsReader,
    PendingResolutions,
    CreditPlanner,
    RuleOutcomes,
    ApplyPointRulesUseCase,
    PointRulesService,
  ],
  exports: [ApplyPointRulesUseCase, PointRulesService],
})
export class PointRulesModule {}
