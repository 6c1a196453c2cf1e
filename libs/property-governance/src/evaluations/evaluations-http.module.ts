import { Module } from '@nestjs/common';
import { PropertyEvaluationsModule } from './evaluations.module';

/** HTTP face of the evaluations area; mounted by the api. */
@Module({ imports: [PropertyEvaluationsModule], controllers: [] })
export class PropertyEvaluationsHttpModule {}
