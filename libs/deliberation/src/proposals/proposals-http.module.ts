import { Module } from '@nestjs/common';
import { ProposalsModule } from './proposals.module';

/** HTTP face of the proposals area; mounted by the api. */
@Module({ imports: [ProposalsModule], controllers: [] })
export class ProposalsHttpModule {}
