import { Module } from '@nestjs/common';
import { CommitteesController } from './committees.controller';
import { PropertyCommitteesModule } from './committees.module';

/** HTTP face of the committees area; mounted by the api. */
@Module({ imports: [PropertyCommitteesModule], controllers: [CommitteesController] })
export class PropertyCommitteesHttpModule {}
