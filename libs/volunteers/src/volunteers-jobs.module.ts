import { Module } from '@nestjs/common';
import { ActivitiesJobsModule } from './activities/activities-jobs.module';
import { DemandsJobsModule } from './demands/demands-jobs.module';
import { PostsJobsModule } from './posts/posts-jobs.module';
import { TeamsJobsModule } from './teams/teams-jobs.module';

/** The volunteers jobs face (mounted by the scheduler): reminders, lapsed claims, escalations, digests. */
@Module({ imports: [TeamsJobsModule, DemandsJobsModule, ActivitiesJobsModule, PostsJobsModule] })
export class VolunteersJobsModule {}
