import { Module } from '@nestjs/common';
import { UnitsModule } from '../units/units.module';
import { PeopleService } from './people.service';
import { PersonPii } from './person-pii';
import { RevealPersonUseCase } from './usecases/reveal-person.usecase';
import { UpdatePersonUseCase } from './usecases/update-person.usecase';

/** Domain face of people: services other parts of the organization module and other domains use. */
@Module({
  imports: [UnitsModule],
  providers: [PeopleService, PersonPii, UpdatePersonUseCase, RevealPersonUseCase],
  exports: [PeopleService, PersonPii, UpdatePersonUseCase, RevealPersonUseCase],
})
export class PeopleModule {}
