import { Module } from '@nestjs/common';
import { MeetingsModule } from './meetings.module';

/** HTTP face of the meetings area; mounted by the api. */
@Module({ imports: [MeetingsModule], controllers: [] })
export class MeetingsHttpModule {}
