import { Module } from '@nestjs/common';

/** Domain face of people: services other parts of the organization module and other domains use. */
@Module({})
export class PeopleModule {}
