import { Module } from '@nestjs/common';
import { ProposalsController } from './proposals.controller';
import { ProposalsModule } from './proposals.module';

/** HTTP face of the proposals area; mounted by the api. */
@Module({ imports: [ProposalsModule], controllers: [ProposalsController] })
export class ProposalsHttpModule {}
