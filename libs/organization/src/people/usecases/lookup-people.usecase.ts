import { Injectable } from '@nestjs/common';
import { AuditLog, AuthenticatedUser, Permission, ScopeService, ValidationProblem } from '@linli/platform';
import { DataSource } from 'typeorm';
import { commonAncestorPath } from '../../imports/common-ancestor-path';
import { UnitEntity } from '../../units/unit.entity';
import { PeopleLookupQueryDto } from '../dto/people-lookup-query.dto';
import { PersonLookupDto } from '../dto/person-lookup.dto';
import { PeopleService } from '../people.service';
import { normalizeMainlandMobile, normalizeResidentIdNumber } from '../person-fields';
import { PersonPii } from '../person-pii';
import { PersonEntity } from '../person.entity';

/** At most this many people answer one lookup (a phone may be shared within a household). */
export const PEOPLE_LOOKUP_LIMIT = 20;

/**
 * `GET /people/lookup?phone=` or `?idNumber=`: the people residing in the caller's people.reveal
 * scope whose phone or ID number is exactly this one, matched through the keyed hash, answered
 * masked. An exact lookup tells whether a value belongs to someone, so it needs people.reveal
 * (not people.read) and every lookup, found or not, is written to the audit log (`pii.looked-up`:
 * the field, never the value, and the ids found) before the answer leaves. The route is rate-limited
 * (`@ThrottleRoute('pii-lookup')`), so a loop cannot walk the number space.
 */
@Injectable()
export class LookupPeopleUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly scope: ScopeService,
    private readonly audit: AuditLog,
    private readonly pii: PersonPii,
    private readonly people: PeopleService,
  ) {}

  async execute(user: AuthenticatedUser, query: PeopleLookupQueryDto): Promise<PersonLookupDto> {
    if ((query.phone === undefined) === (query.idNumber === undefined)) {
      throw new ValidationProblem([
        { field: 'phone', constraint: 'exactlyOne', message: 'give exactly one of phone and idNumber' },
      ]);
    }
    const field = query.phone !== undefined ? 'phone' : 'idNumber';
    const condition = this.scope.condition('person.residencePath', user, Permission.PeopleReveal);
    const qb = this.dataSource
      .getRepository(PersonEntity)
      .createQueryBuilder('person')
      .where(condition.sql, condition.params);
    if (query.phone !== undefined) {
      qb.andWhere('person.phoneIndex = :index', {
        index: this.pii.phoneIndex(normalizeMainlandMobile(query.phone) ?? query.phone),
      });
    } else {
      const idNumber = query.idNumber as string;
      qb.andWhere('person.idNumberIndex = :index', {
        index: this.pii.idNumberIndex(normalizeResidentIdNumber(idNumber) ?? idNumber),
      });
    }
    const found = await qb
      .orderBy('person.name', 'ASC')
      .addOrderBy('person.id', 'ASC')
      .take(PEOPLE_LOOKUP_LIMIT)
      .getMany();

    const unitPath = found.length > 0 ? commonAncestorPath(found.map((p) => p.residencePath)) : this.callerPath(user);
    await this.audit.record({
      action: 'pii.looked-up',
      targetType: 'person',
      targetId: found.length === 1 ? found[0].id : null,
      unitId: unitPath === null ? null : await this.unitIdAt(unitPath),
      unitPath,
      data: { field, found: found.length, personIds: found.map((p) => p.id) },
    });
    return { items: await this.people.toDtos(found) };
  }

  /** Where a lookup that found nobody is filed: the deepest unit above all the caller's people.reveal grants (null: deployment-wide). */
  private callerPath(user: AuthenticatedUser): string | null {
    const scope = this.scope.scopeFilter(user, Permission.PeopleReveal);
    return scope === 'all' ? null : commonAncestorPath(scope);
  }

  private async unitIdAt(path: string): Promise<string | null> {
    const unit = await this.dataSource.getRepository(UnitEntity).findOne({ select: { id: true }, where: { path } });
    return unit?.id ?? null;
  }
}
