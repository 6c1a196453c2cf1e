import { SchemaPart } from '@linli/platform';
import { CreatePropertyGovernance1795380000000 } from './migrations/1795380000000-CreatePropertyGovernance';
import { AddPropertyDecisionDescription1795380200000 } from './migrations/1795380200000-AddPropertyDecisionDescription';
import { AddCommitteeElectionKey1795380300000 } from './migrations/1795380300000-AddCommitteeElectionKey';
import { CreatePropertySettings1795380600000 } from './migrations/1795380600000-CreatePropertySettings';

/**
 * The property-governance module's tables (its SQL names only these), its migrations and the
 * unit-path copies every subtree move rewrites. Data access is SQL in each area's repository.
 */
export const propertyGovernanceSchema: SchemaPart = {
  tables: [
    'property_parts',
    'property_part_owners',
    'property_decisions',
    'property_decision_heads',
    'property_ballots',
    'property_committees',
    'property_committee_members',
    'property_committee_changes',
    'property_committee_flags',
    'property_seats',
    'property_companies',
    'property_contracts',
    'property_evaluation_campaigns',
    'property_evaluation_ratings',
    'property_evaluation_results',
    'property_rectifications',
    'property_settings',
  ],
  entities: [],
  migrations: [
    CreatePropertyGovernance1795380000000,
    AddPropertyDecisionDescription1795380200000,
    AddCommitteeElectionKey1795380300000,
    CreatePropertySettings1795380600000,
  ],
  pathCopies: [
    { table: 'property_parts', column: 'unit_path' },
    { table: 'property_decisions', column: 'unit_path' },
    { table: 'property_committees', column: 'unit_path' },
    { table: 'property_seats', column: 'unit_path' },
    { table: 'property_contracts', column: 'unit_path' },
    { table: 'property_evaluation_campaigns', column: 'unit_path' },
    { table: 'property_evaluation_results', column: 'unit_path' },
    { table: 'property_rectifications', column: 'unit_path' },
  ],
};
