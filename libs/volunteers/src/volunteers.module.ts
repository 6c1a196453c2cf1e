import { Module } from '@nestjs/common';
import { ActivitiesModule } from './activities/activities.module';
import { DemandsModule } from './demands/demands.module';
import { PostsModule } from './posts/posts.module';
import { ProfilesModule } from './profiles/profiles.module';
import { TeamsModule } from './teams/teams.module';
import { VolunteersReferences } from './volunteers-references';
import { VolunteersPersonalData } from './personal-data/volunteers-personal-data';

const AREAS = [ProfilesModule, TeamsModule, DemandsModule, ActivitiesModule, PostsModule];

/**
 * The volunteers domain face: profiles, teams, demands, activities and service posts, in every app
 * that enables the module; registers the module's reference kinds with the kernel.
 */
@Module({ imports: AREAS, providers: [VolunteersReferences, VolunteersPersonalData], exports: AREAS })
export class VolunteersModule {}
