import { Module } from '@nestjs/common';
import { EvaluationsController } from './evaluations.controller';
import { PropertyEvaluationsModule } from './evaluations.module';
import { RectificationsController } from './rectifications.controller';

/** HTTP face of the evaluations area; mounted by the api. */
@Module({ imports: [PropertyEvaluationsModule], controllers: [EvaluationsController, RectificationsController] })
export class PropertyEvaluationsHttpModule {}
