import { Module } from '@nestjs/common';
import { MembersController } from './members.controller';
import { MembersModule } from './members.module';

/** HTTP face of party members; mounted by the api. */
@Module({ imports: [MembersModule], controllers: [MembersController] })
export class MembersHttpModule {}
