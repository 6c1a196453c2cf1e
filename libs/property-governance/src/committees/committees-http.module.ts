import { Module } from '@nestjs/common';
import { PropertyCommitteesModule } from './committees.module';

/** HTTP face of the committees area; mounted by the api. */
@Module({ imports: [PropertyCommitteesModule], controllers: [] })
export class PropertyCommitteesHttpModule {}
