import { SchemaPart } from '../database/schema-part';
import { JobRunEntity } from './job-run.entity';
import { CreateJobRuns1795320100100 } from './migrations/1795320100100-CreateJobRuns';

export const schedulingSchema: SchemaPart = {
  tables: ['job_runs'],
  entities: [JobRunEntity],
  migrations: [CreateJobRuns1795320100100],
};
