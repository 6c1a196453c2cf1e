import { Module } from '@nestjs/common';
import { TopicsModule } from './topics.module';

/** HTTP face of the topics area; mounted by the api. */
@Module({ imports: [TopicsModule], controllers: [] })
export class TopicsHttpModule {}
