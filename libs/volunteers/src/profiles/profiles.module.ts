import { Module } from '@nestjs/common';
import { VolunteerRecords } from './volunteer-records.service';
import { VolunteerSkills } from './volunteer-skills.service';

/** Domain face of volunteer profiles and skills; `VolunteerRecords` is what the other areas add hours and ratings through. */
@Module({ providers: [VolunteerRecords, VolunteerSkills], exports: [VolunteerRecords, VolunteerSkills] })
export class ProfilesModule {}
