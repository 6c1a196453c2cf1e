import { Module } from '@nestjs/common';
import { PeopleController } from './people.controller';
import { PeopleModule } from './people.module';

/** HTTP face of people; mounted by the api. */
@Module({ imports: [PeopleModule], controllers: [PeopleController] })
export class PeopleHttpModule {}
