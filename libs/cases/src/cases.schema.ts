import { SchemaPart } from '@linli/platform';
import { CreateCases1795390000000 } from './migrations/1795390000000-CreateCases';

/**
 * The cases module's tables (its SQL names only these), its migrations and the unit-path copies
 * every subtree move rewrites. Data access is SQL in each area's repository.
 */
export const casesSchema: SchemaPart = {
  tables: [
    'case_calendars',
    'case_categories',
    'case_departments',
    'case_department_categories',
    'cases',
    'case_reporters',
    'case_tasks',
    'case_steps',
    'case_escalations',
    'case_visits',
    'case_settings',
    'case_rankings',
  ],
  entities: [],
  migrations: [CreateCases1795390000000],
  pathCopies: [
    { table: 'case_departments', column: 'unit_path' },
    { table: 'cases', column: 'unit_path' },
    { table: 'case_rankings', column: 'unit_path' },
  ],
};
