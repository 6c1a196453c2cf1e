import { Module } from '@nestjs/common';
import { DecisionsController } from './decisions.controller';
import { PropertyDecisionsModule } from './decisions.module';

/** HTTP face of the decisions area; mounted by the api. */
@Module({ imports: [PropertyDecisionsModule], controllers: [DecisionsController] })
export class PropertyDecisionsHttpModule {}
