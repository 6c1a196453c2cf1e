import { Module } from '@nestjs/common';
import { PartyOrganizationsModule } from '../party-organizations/party-organizations.module';
import { InstitutionsService } from './institutions.service';

/** Domain face of institutions: registering and reading them in scope. */
@Module({ imports: [PartyOrganizationsModule], providers: [InstitutionsService], exports: [InstitutionsService] })
export class InstitutionsModule {}
