import { DomainDefinition } from '@linli/platform';
import { PropertyGovernanceHttpModule } from './property-governance-http.module';
import { PropertyGovernanceJobsModule } from './property-governance-jobs.module';
import { PropertyGovernanceModule } from './property-governance.module';
import { propertyGovernanceSchema } from './property-governance.schema';

/** 物业治理: exclusive parts and owners, owners' joint decisions, committees, cross-appointment, companies and their evaluation. */
export const propertyGovernanceDomain: DomainDefinition = {
  name: 'property-governance',
  displayName: '物业治理',
  schema: propertyGovernanceSchema,
  domainModule: PropertyGovernanceModule,
  httpModule: PropertyGovernanceHttpModule,
  jobsModule: PropertyGovernanceJobsModule,
  subscribers: [],
};
