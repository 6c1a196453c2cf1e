import { Module } from '@nestjs/common';
import { DeliberationAccessModule } from './access/deliberation-access.module';
import { ConventionsModule } from './conventions/conventions.module';
import { DeliberationReferences } from './deliberation-references';
import { DeliberationPersonalData } from './personal-data/deliberation-personal-data';
import { MeetingsModule } from './meetings/meetings.module';
import { ProposalsModule } from './proposals/proposals.module';
import { ReportsModule } from './reports/reports.module';
import { SettingsModule } from './settings/settings.module';
import { TopicsModule } from './topics/topics.module';
import { VotesModule } from './votes/votes.module';

const AREAS = [
  DeliberationAccessModule,
  SettingsModule,
  TopicsModule,
  VotesModule,
  ProposalsModule,
  MeetingsModule,
  ConventionsModule,
  ReportsModule,
];

/**
 * The deliberation domain face: topics and their six steps, votes, proposals, meetings,
 * conventions, reports, in every app that enables the module; registers its reference kinds.
 */
@Module({ imports: AREAS, providers: [DeliberationReferences, DeliberationPersonalData], exports: AREAS })
export class DeliberationModule {}
