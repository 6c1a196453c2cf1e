import { SchemaPart } from '@linli/platform';
import { PointAccountEntity } from './ledger/point-account.entity';
import { PointAllocationEntity } from './ledger/point-allocation.entity';
import { PointEntryEntity } from './ledger/point-entry.entity';
import { PointLotEntity } from './ledger/point-lot.entity';
import { CreatePointsLedger1795340000000 } from './migrations/1795340000000-CreatePointsLedger';
import { CreatePointsAssessment1795340200000 } from './migrations/1795340200000-CreatePointsAssessment';
import { CreatePointsEvaluation1795340300000 } from './migrations/1795340300000-CreatePointsEvaluation';
import { CreatePointsStore1795340100000 } from './migrations/1795340100000-CreatePointsStore';
import { PointPendingResolutionEntity } from './rules/point-pending-resolution.entity';
import { PointRuleEntity } from './rules/point-rule.entity';
import { PointRuleOutcomeEntity } from './rules/point-rule-outcome.entity';
import { PointRuleVersionEntity } from './rules/point-rule-version.entity';

export const pointsSchema: SchemaPart = {
  entities: [PointAccountEntity, PointEntryEntity, PointLotEntity, PointAllocationEntity, PointRuleEntity, PointRuleVersionEntity, PointRuleOutcomeEntity, PointPendingResolutionEntity],
  migrations: [CreatePointsLedger1795340000000, CreatePointsStore1795340100000, CreatePointsAssessment1795340200000, CreatePointsEvaluation1795340300000],
};
