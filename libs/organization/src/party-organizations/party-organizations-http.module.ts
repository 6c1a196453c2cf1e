import { Module } from '@nestjs/common';
import { PartyOrganizationsController } from './party-organizations.controller';
import { PartyOrganizationsModule } from './party-organizations.module';

/** HTTP face of party organizations; mounted by the api. */
@Module({ imports: [PartyOrganizationsModule], controllers: [PartyOrganizationsController] })
export class PartyOrganizationsHttpModule {}
