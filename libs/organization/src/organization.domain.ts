import { DomainDefinition } from '@linli/platform';
import { OrganizationHttpModule } from './organization-http.module';
import { OrganizationJobsModule } from './organization-jobs.module';
import { OrganizationModule } from './organization.module';
import { organizationSchema } from './organization.schema';

/** 组织体系: the unit tree, party organizations, people and members. Everyone's vocabulary. */
export const organizationDomain: DomainDefinition = {
  name: 'organization',
  displayName: '组织体系',
  schema: organizationSchema,
  domainModule: OrganizationModule,
  httpModule: OrganizationHttpModule,
  jobsModule: OrganizationJobsModule,
};
