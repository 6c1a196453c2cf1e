import { DomainDefinition } from '@linli/platform';
import { PointsHttpModule } from './points-http.module';
import { PointsJobsModule } from './points-jobs.module';
import { PointsModule } from './points.module';
import { pointsSchema } from './points.schema';
import { POINTS_SUBSCRIBER } from './rules/points-rules.subscriber';

/** 积分: the ledger, rules (events → points) and account views. */
export const pointsDomain: DomainDefinition = {
  name: 'points',
  displayName: '积分',
  schema: pointsSchema,
  domainModule: PointsModule,
  httpModule: PointsHttpModule,
  jobsModule: PointsJobsModule,
  subscribers: [POINTS_SUBSCRIBER],
};
