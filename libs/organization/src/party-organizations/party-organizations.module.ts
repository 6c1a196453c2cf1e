import { Module } from '@nestjs/common';
import { PartyOrganizationRules } from './party-organization-rules';
import { PartyOrganizationsService } from './party-organizations.service';
import { AppointOfficerUseCase } from './usecases/appoint-officer.usecase';
import { CreatePartyOrganizationUseCase } from './usecases/create-party-organization.usecase';
import { UpdatePartyOrganizationUseCase } from './usecases/update-party-organization.usecase';

/** Domain face of party organizations: reading them in scope, setting them up, changing them, appointing officers. */
@Module({
  providers: [
    PartyOrganizationsService,
    PartyOrganizationRules,
    CreatePartyOrganizationUseCase,
    UpdatePartyOrganizationUseCase,
    AppointOfficerUseCase,
  ],
  exports: [
    PartyOrganizationsService,
    CreatePartyOrganizationUseCase,
    UpdatePartyOrganizationUseCase,
    AppointOfficerUseCase,
  ],
})
export class PartyOrganizationsModule {}
