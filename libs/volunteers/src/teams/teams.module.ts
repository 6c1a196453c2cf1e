import { Module } from '@nestjs/common';

/** Domain face of the teams area. */
@Module({})
export class TeamsModule {}
