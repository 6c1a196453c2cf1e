import { Module } from '@nestjs/common';
import { PointRulesController } from './point-rules.controller';
import { PointRulesModule } from './point-rules.module';

/** HTTP face of the rules; mounted by the api. */
@Module({ imports: [PointRulesModule], controllers: [PointRulesController] })
export class PointRulesHttpModule {}
