import { Module } from '@nestjs/common';
import { RepresentativesController } from '../representatives/representatives.controller';
import { VotesController } from './votes.controller';
import { VotesModule } from './votes.module';

/** HTTP face of the votes area; mounted by the api. */
@Module({ imports: [VotesModule], controllers: [VotesController, RepresentativesController] })
export class VotesHttpModule {}
