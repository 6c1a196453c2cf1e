import { DomainDefinition } from '@linli/platform';
import { CasesHttpModule } from './cases-http.module';
import { CasesJobsModule } from './cases-jobs.module';
import { CasesModule } from './cases.module';
import { casesSchema } from './cases.schema';

/** 接诉即办: residents' demands, disputes and hazards from every channel, handled grid → street → district. */
export const casesDomain: DomainDefinition = {
  name: 'cases',
  displayName: '诉求办理',
  schema: casesSchema,
  domainModule: CasesModule,
  httpModule: CasesHttpModule,
  jobsModule: CasesJobsModule,
  subscribers: [],
};
