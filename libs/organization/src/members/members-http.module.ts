import { Module } from '@nestjs/common';

/** HTTP face of members; mounted by the api. */
@Module({})
export class MembersHttpModule {}
