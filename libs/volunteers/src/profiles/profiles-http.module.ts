import { Module } from '@nestjs/common';
import { ProfilesController } from './profiles.controller';
import { ProfilesModule } from './profiles.module';
import { VolunteerSkillsController } from './volunteer-skills.controller';

/** HTTP face of profiles and skills; mounted by the api. */
@Module({ imports: [ProfilesModule], controllers: [VolunteerSkillsController, ProfilesController] })
export class ProfilesHttpModule {}
