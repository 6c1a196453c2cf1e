import { Module } from '@nestjs/common';
import { OrganizationDirectoryModule } from '@linli/organization';
import { ProfileViews } from './profile-views';
import { ProfilesRepository } from './profiles.repository';
import { ProfilesService } from './profiles.service';
import { ChangeStageUseCase } from './usecases/change-stage.usecase';
import { RegisterProfileUseCase } from './usecases/register-profile.usecase';
import { UpdateProfileUseCase } from './usecases/update-profile.usecase';
import { VolunteerRecords } from './volunteer-records.service';
import { VolunteerSkills } from './volunteer-skills.service';

const PROVIDERS = [
  ProfilesRepository,
  VolunteerRecords,
  VolunteerSkills,
  ProfilesService,
  ProfileViews,
  RegisterProfileUseCase,
  UpdateProfileUseCase,
  ChangeStageUseCase,
];

/** Domain face of volunteer profiles and skills; `VolunteerRecords` is what the other areas add hours and ratings through. */
@Module({
  imports: [OrganizationDirectoryModule],
  providers: PROVIDERS,
  exports: PROVIDERS,
})
export class ProfilesModule {}
