import { Module } from '@nestjs/common';
import { PointRulesModule } from './point-rules.module';
import { PointsRulesSubscriber } from './points-rules.subscriber';

/** The `points` event subscriber; mounted by the scheduler. */
@Module({ imports: [PointRulesModule], providers: [PointsRulesSubscriber] })
export class PointRulesJobsModule {}
