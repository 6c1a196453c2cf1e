import { Module } from '@nestjs/common';
import { AdjustmentsController } from './adjustments.controller';
import { PointsAdjustmentsModule } from './points-adjustments.module';

/** HTTP face of manual adjustments; mounted by the api. */
@Module({ imports: [PointsAdjustmentsModule], controllers: [AdjustmentsController] })
export class PointsAdjustmentsHttpModule {}
