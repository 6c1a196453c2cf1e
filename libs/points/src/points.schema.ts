import { SchemaPart } from '@linli/platform';
import { PointAccountEntity } from './ledger/point-account.entity';
import { PointAllocationEntity } from './ledger/point-allocation.entity';
import { PointEntryEntity } from './ledger/point-entry.entity';
import { PointLotEntity } from './ledger/point-lot.entity';
import { CreatePointsLedger1795340000000 } from './migrations/1795340000000-CreatePointsLedger';
import { CreatePointsAssessment1795340200000 } from './migrations/1795340200000-CreatePointsAssessment';
import { CreatePointsEvaluation1795340300000 } from './migrations/1795340300000-CreatePointsEvaluation';
import { CreatePointsStore1795340100000 } from './migrations/1795340100000-CreatePointsStore';
import { CapRepeatableDefaultRules1795360200000 } from './migrations/1795360200000-CapRepeatableDefaultRules';
import { PublishedAssessmentsFollowMoves1795360210000 } from './migrations/1795360210000-PublishedAssessmentsFollowMoves';
import { PointPendingResolutionEntity } from './rules/point-pending-resolution.entity';
import { PointRuleEntity } from './rules/point-rule.entity';
import { PointRuleOutcomeEntity } from './rules/point-rule-outcome.entity';
import { PointRuleVersionEntity } from './rules/point-rule-version.entity';

export const pointsSchema: SchemaPart = {
  tables: [
    'point_accounts',
    'point_rules',
    'point_rule_versions',
    'point_entries',
    'point_lots',
    'point_allocations',
    'point_rule_outcomes',
    'point_pending_resolutions',
    'point_rewards',
    'point_redemptions',
    'point_assessment_thresholds',
    'point_assessment_periods',
    'point_assessments',
    'point_evaluation_campaigns',
    'point_evaluation_assignments',
    'point_evaluation_submissions',
  ],
  // Every points column that stores a unit path (libs/composition/src/path-copies.integration-spec.ts checks it):
  // a subtree move rewrites them all, published assessment results included (migration 1795360210000).
  pathCopies: [
    { table: 'point_rewards', column: 'unit_path' },
    { table: 'point_redemptions', column: 'owner_unit_path' },
    { table: 'point_assessments', column: 'unit_path' },
    { table: 'point_evaluation_campaigns', column: 'unit_path' },
    { table: 'point_evaluation_assignments', column: 'rater_path' },
  ],
  entities: [
    PointAccountEntity,
    PointEntryEntity,
    PointLotEntity,
    PointAllocationEntity,
    PointRuleEntity,
    PointRuleVersionEntity,
    PointRuleOutcomeEntity,
    PointPendingResolutionEntity,
  ],
  migrations: [
    CreatePointsLedger1795340000000,
    CreatePointsStore1795340100000,
    CreatePointsAssessment1795340200000,
    CreatePointsEvaluation1795340300000,
    CapRepeatableDefaultRules1795360200000,
    PublishedAssessmentsFollowMoves1795360210000,
  ],
};
