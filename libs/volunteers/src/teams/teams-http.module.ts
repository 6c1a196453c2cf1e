import { Module } from '@nestjs/common';
import { TeamsModule } from './teams.module';

/** HTTP face of the teams area; mounted by the api. */
@Module({ imports: [TeamsModule] })
export class TeamsHttpModule {}
