import { Module } from '@nestjs/common';
import { PropertyDecisionsModule } from './decisions.module';

/** HTTP face of the decisions area; mounted by the api. */
@Module({ imports: [PropertyDecisionsModule], controllers: [] })
export class PropertyDecisionsHttpModule {}
