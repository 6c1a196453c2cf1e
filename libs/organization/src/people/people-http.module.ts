import { Module } from '@nestjs/common';

/** HTTP face of people; mounted by the api. */
@Module({})
export class PeopleHttpModule {}
