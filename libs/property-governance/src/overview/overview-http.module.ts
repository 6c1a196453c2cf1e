import { Module } from '@nestjs/common';
import { PropertyOverviewModule } from './overview.module';

/** HTTP face of the overview area; mounted by the api. */
@Module({ imports: [PropertyOverviewModule], controllers: [] })
export class PropertyOverviewHttpModule {}
