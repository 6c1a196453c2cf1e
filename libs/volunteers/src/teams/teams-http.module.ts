import { Module } from '@nestjs/common';
import { TeamsController } from './teams.controller';
import { TeamsModule } from './teams.module';

/** HTTP face of the teams area; mounted by the api. */
@Module({ imports: [TeamsModule], controllers: [TeamsController] })
export class TeamsHttpModule {}
