import { Module } from '@nestjs/common';

/** HTTP face of party-organizations; mounted by the api. */
@Module({})
export class PartyOrganizationsHttpModule {}
