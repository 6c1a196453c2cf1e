import { Injectable } from '@nestjs/common';
import {
  AuditLog,
  AuthenticatedUser,
  Clock,
  NotFoundProblem,
  paginate,
  Permission,
  ScopeService,
  TransactionRunner,
  unitPathCondition,
} from '@linli/platform';
import { DataSource, In } from 'typeorm';
import { MembersService } from '../members/members.service';
import { PartyMemberEntity } from '../members/party-member.entity';
import { PartyOrganizationsService } from '../party-organizations/party-organizations.service';
import { DualRegistrationPageDto } from './dto/dual-registration-page.dto';
import { DualRegistrationDto } from './dto/dual-registration.dto';
import { DualRegistrationsQueryDto } from './dto/dual-registrations-query.dto';
import { DualRegistrationEntity } from './dual-registration.entity';
import { DualRegistrationCode, DualRegistrationException } from './dual-registrations.exception';

/** Reading and ending dual registrations; in scope where the community is. */
@Injectable()
export class DualRegistrationsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly transactions: TransactionRunner,
    private readonly scope: ScopeService,
    private readonly organizations: PartyOrganizationsService,
    private readonly clock: Clock,
    private readonly audit: AuditLog,
    private readonly members: MembersService,
  ) {}

  async get(user: AuthenticatedUser, id: string): Promise<DualRegistrationDto> {
    const registration = await this.dataSource.getRepository(DualRegistrationEntity).findOneBy({ id });
    if (!registration || !this.scope.canReach(user, Permission.OrganizationsRead, registration.communityPath))
      throw new NotFoundProblem('该报到');
    return (await this.present([registration]))[0];
  }

  async list(user: AuthenticatedUser, query: DualRegistrationsQueryDto): Promise<DualRegistrationPageDto> {
    const scope = await this.scope.scopeFilterAt(user, Permission.OrganizationsRead, query.communityUnitId);
    const qb = this.dataSource.getRepository(DualRegistrationEntity).createQueryBuilder('registration');
    const condition = unitPathCondition('registration.communityPath', scope);
    qb.where(condition.sql, condition.params);
    if (query.kind) qb.andWhere('registration.kind = :kind', { kind: query.kind });
    // A member filter names a member you may read (organization or residence in scope; 404 otherwise).
    // An organization filter is not resolved in scope: a co-building organization may lie anywhere
    // (agencies sit outside the community), and the list is already limited to your communities.
    if (query.memberId) await this.members.findVisible(user, query.memberId);
    if (query.memberId) qb.andWhere('registration.memberId = :memberId', { memberId: query.memberId });
    if (query.organizationId)
      qb.andWhere('registration.organizationId = :organizationId', { organizationId: query.organizationId });
    if (query.active !== undefined) qb.andWhere(`registration.endedAt IS ${query.active ? 'NULL' : 'NOT NULL'}`);
    const page = await paginate(qb, query, {
      sortColumn: 'registration.periodStart',
      sortKey: (r) => r.periodStart,
      tieBreaker: 'registration.id',
      tieKey: (r) => r.id,
      direction: 'DESC',
    });
    return { items: await this.present(page.items), nextCursor: page.nextCursor };
  }

  /** Ends an active registration (the member moved away, the agreement ended); history stays. */
  async end(user: AuthenticatedUser, id: string): Promise<DualRegistrationDto> {
    const registration = await this.transactions.run(async (manager) => {
      const repository = manager.getRepository(DualRegistrationEntity);
      const existing = await repository.findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!existing || !this.scope.canReach(user, Permission.DualRegistrationsManage, existing.communityPath))
        throw new NotFoundProblem('该报到');
      if (existing.endedAt !== null) throw new DualRegistrationException(DualRegistrationCode.Ended);
      await repository.update({ id }, { endedAt: this.clock.now() });
      await this.audit.record(
        {
          action: 'dual-registrations.ended',
          targetType: 'dual-registration',
          targetId: id,
          unitId: existing.communityUnitId,
          unitPath: existing.communityPath,
          data: { kind: existing.kind, memberId: existing.memberId, organizationId: existing.organizationId },
        },
        manager,
      );
      return repository.findOneByOrFail({ id });
    });
    return (await this.present([registration]))[0];
  }

  async present(registrations: DualRegistrationEntity[]): Promise<DualRegistrationDto[]> {
    const memberIds = registrations.flatMap((r) => (r.memberId ? [r.memberId] : []));
    const members = memberIds.length
      ? await this.dataSource
          .getRepository(PartyMemberEntity)
          .find({ select: { id: true, personId: true }, where: { id: In(memberIds) } })
      : [];
    const [people, organizations] = await Promise.all([
      this.organizations.personNames(members.map((m) => m.personId)),
      this.organizations.organizationNames(registrations.flatMap((r) => (r.organizationId ? [r.organizationId] : []))),
    ]);
    const personOf = new Map(members.map((m) => [m.id, m.personId]));
    return registrations.map((r) =>
      DualRegistrationDto.from(
        r,
        r.memberId ? (people.get(personOf.get(r.memberId) ?? '') ?? null) : null,
        r.organizationId ? (organizations.get(r.organizationId) ?? null) : null,
      ),
    );
  }
}
