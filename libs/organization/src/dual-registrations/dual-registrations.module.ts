import { Module } from '@nestjs/common';
import { MembersModule } from '../members/members.module';
import { PartyOrganizationsModule } from '../party-organizations/party-organizations.module';
import { DualRegistrationsService } from './dual-registrations.service';
import { CreateDualRegistrationUseCase } from './usecases/create-dual-registration.usecase';

/** Domain face of dual registrations (双报到): registering, reading and ending them. */
@Module({
  imports: [PartyOrganizationsModule, MembersModule],
  providers: [DualRegistrationsService, CreateDualRegistrationUseCase],
  exports: [DualRegistrationsService, CreateDualRegistrationUseCase],
})
export class DualRegistrationsModule {}
