import { SchemaPart } from '@linli/platform';
import { AddStepChangeSequence1795370700000 } from './migrations/1795370700000-AddStepChangeSequence';
import { CreateDeliberation1795370000000 } from './migrations/1795370000000-CreateDeliberation';

/**
 * The deliberation module's tables (all SQL of the module names only these), its migrations and the
 * unit-path copies every subtree move rewrites. Data access is by SQL in each area's repository, so
 * there are no entities.
 */
export const deliberationSchema: SchemaPart = {
  tables: [
    'deliberation_settings',
    'deliberation_categories',
    'deliberation_topics',
    'deliberation_step_changes',
    'deliberation_opinions',
    'deliberation_topic_supporters',
    'deliberation_reviews',
    'deliberation_objections',
    'deliberation_milestones',
    'deliberation_progress_reports',
    'deliberation_ratings',
    'deliberation_votes',
    'deliberation_vote_electors',
    'deliberation_ballots',
    'deliberation_proposals',
    'deliberation_proposal_cosigners',
    'deliberation_meetings',
    'deliberation_meeting_agenda',
    'deliberation_meeting_attendance',
    'deliberation_meeting_minutes',
    'deliberation_joint_members',
    'deliberation_joint_attendance',
    'deliberation_representatives',
    'deliberation_conventions',
    'deliberation_convention_comments',
    'deliberation_monthly_reports',
  ],
  entities: [],
  migrations: [CreateDeliberation1795370000000, AddStepChangeSequence1795370700000],
  pathCopies: [
    { table: 'deliberation_topics', column: 'unit_path' },
    { table: 'deliberation_votes', column: 'unit_path' },
    { table: 'deliberation_proposals', column: 'unit_path' },
    { table: 'deliberation_meetings', column: 'unit_path' },
    { table: 'deliberation_joint_members', column: 'unit_path' },
    { table: 'deliberation_representatives', column: 'unit_path' },
    { table: 'deliberation_conventions', column: 'unit_path' },
    { table: 'deliberation_monthly_reports', column: 'unit_path' },
  ],
};
