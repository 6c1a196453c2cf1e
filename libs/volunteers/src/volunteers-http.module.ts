import { Module } from '@nestjs/common';
import { ActivitiesHttpModule } from './activities/activities-http.module';
import { DemandsHttpModule } from './demands/demands-http.module';
import { PostsHttpModule } from './posts/posts-http.module';
import { ProfilesHttpModule } from './profiles/profiles-http.module';
import { TeamsHttpModule } from './teams/teams-http.module';

/** The volunteers HTTP face (mounted by the api), under `/api/v1/volunteers`. */
@Module({ imports: [ProfilesHttpModule, TeamsHttpModule, DemandsHttpModule, ActivitiesHttpModule, PostsHttpModule] })
export class VolunteersHttpModule {}
