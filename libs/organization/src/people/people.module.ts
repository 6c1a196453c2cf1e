import { Module } from '@nestjs/common';
import { UnitsModule } from '../units/units.module';
import { PeopleRegistry } from './people-registry';
import { PeopleService } from './people.service';
import { PersonPii } from './person-pii';
import { LookupPeopleUseCase } from './usecases/lookup-people.usecase';
import { RevealPersonUseCase } from './usecases/reveal-person.usecase';
import { UpdatePersonUseCase } from './usecases/update-person.usecase';

/**
 * People inside the organization module: the register (`PeopleRegistry`) its other parts use, the
 * HTTP face's service and use cases. Other domains use organization's directory instead.
 */
@Module({
  imports: [UnitsModule],
  providers: [PeopleRegistry, PeopleService, PersonPii, UpdatePersonUseCase, RevealPersonUseCase, LookupPeopleUseCase],
  exports: [PeopleRegistry, PeopleService, PersonPii, UpdatePersonUseCase, RevealPersonUseCase, LookupPeopleUseCase],
})
export class PeopleModule {}
