import { Injectable } from '@nestjs/common';
import { AuditLog, AuthenticatedUser, Permission } from '@linli/platform';
import { RevealedPersonDto } from '../dto/revealed-person.dto';
import { RevealPersonDto } from '../dto/reveal-person.dto';
import { PeopleRegistry } from '../people-registry';
import { PersonPii } from '../person-pii';

/**
 * `POST /people/:id/reveal`: the full phone, ID number and birth date, for holders of `people.reveal` where the
 * person resides (404 elsewhere). Every reveal is written to the audit log (`pii.revealed`, with
 * the fields revealed) before the answer leaves: if the entry cannot be written, nothing is revealed.
 */
@Injectable()
export class RevealPersonUseCase {
  constructor(
    private readonly people: PeopleRegistry,
    private readonly pii: PersonPii,
    private readonly audit: AuditLog,
  ) {}

  async execute(user: AuthenticatedUser, id: string, command: RevealPersonDto): Promise<RevealedPersonDto> {
    const person = await this.people.findReachable(user, Permission.PeopleReveal, id);
    const revealed = this.pii.reveal(person);
    const fields = [
      ...(revealed.phone !== null ? ['phone'] : []),
      ...(revealed.idNumber !== null ? ['idNumber'] : []),
      ...(person.birthDate !== null ? ['birthDate'] : []),
    ];
    await this.audit.record({
      action: 'pii.revealed',
      targetType: 'person',
      targetId: person.id,
      unitId: person.residenceUnitId,
      unitPath: person.residencePath,
      data: { fields, ...(command.reason ? { reason: command.reason } : {}) },
    });
    const dto = new RevealedPersonDto();
    dto.id = person.id;
    dto.name = person.name;
    dto.phone = revealed.phone;
    dto.idNumber = revealed.idNumber;
    dto.birthDate = person.birthDate;
    return dto;
  }
}
