import { Module } from '@nestjs/common';
import { ProfilesModule } from './profiles.module';
import { VolunteerSkillsController } from './volunteer-skills.controller';

/** HTTP face of profiles and skills; mounted by the api. */
@Module({ imports: [ProfilesModule], controllers: [VolunteerSkillsController] })
export class ProfilesHttpModule {}
