import { Module } from '@nestjs/common';
import { VotesModule } from './votes.module';

/** HTTP face of the votes area; mounted by the api. */
@Module({ imports: [VotesModule], controllers: [] })
export class VotesHttpModule {}
