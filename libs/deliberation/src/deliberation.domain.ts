import { DomainDefinition } from '@linli/platform';
import { DeliberationHttpModule } from './deliberation-http.module';
import { DeliberationJobsModule } from './deliberation-jobs.module';
import { DeliberationModule } from './deliberation.module';
import { deliberationSchema } from './deliberation.schema';

/** 协商议事: topics through the six steps, resident proposals, meetings, votes, conventions, public notices. */
export const deliberationDomain: DomainDefinition = {
  name: 'deliberation',
  displayName: '协商议事',
  schema: deliberationSchema,
  domainModule: DeliberationModule,
  httpModule: DeliberationHttpModule,
  jobsModule: DeliberationJobsModule,
  subscribers: [],
};
