import { DomainDefinition } from '@linli/platform';
import { VolunteersHttpModule } from './volunteers-http.module';
import { VolunteersJobsModule } from './volunteers-jobs.module';
import { VolunteersModule } from './volunteers.module';
import { volunteersSchema } from './volunteers.schema';

/** 志愿服务: profiles and skills, teams, demands and micro-wishes, service posts, activities and check-in, matching. */
export const volunteersDomain: DomainDefinition = {
  name: 'volunteers',
  displayName: '志愿服务',
  schema: volunteersSchema,
  domainModule: VolunteersModule,
  httpModule: VolunteersHttpModule,
  jobsModule: VolunteersJobsModule,
  subscribers: [],
};
