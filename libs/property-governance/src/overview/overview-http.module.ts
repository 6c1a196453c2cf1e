import { Module } from '@nestjs/common';
import { OverviewController } from './overview.controller';
import { PropertyOverviewModule } from './overview.module';

/** HTTP face of the overview area; mounted by the api. */
@Module({ imports: [PropertyOverviewModule], controllers: [OverviewController] })
export class PropertyOverviewHttpModule {}
