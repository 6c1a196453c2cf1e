import { Module } from '@nestjs/common';
import { ConventionsHttpModule } from './conventions/conventions-http.module';
import { MeetingsHttpModule } from './meetings/meetings-http.module';
import { ProposalsHttpModule } from './proposals/proposals-http.module';
import { ReportsHttpModule } from './reports/reports-http.module';
import { SettingsHttpModule } from './settings/settings-http.module';
import { TopicsHttpModule } from './topics/topics-http.module';
import { VotesHttpModule } from './votes/votes-http.module';

/** The deliberation HTTP face (mounted by the api), under `/api/v1/deliberation`. */
@Module({
  imports: [
    SettingsHttpModule,
    TopicsHttpModule,
    VotesHttpModule,
    ProposalsHttpModule,
    MeetingsHttpModule,
    ConventionsHttpModule,
    ReportsHttpModule,
  ],
})
export class DeliberationHttpModule {}
