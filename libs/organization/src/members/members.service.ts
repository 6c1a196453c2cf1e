import { Injectable } from '@nestjs/common';
import {
  AuthenticatedUser,
  NotFoundProblem,
  paginate,
  Permission,
  ScopedReferences,
  ScopeService,
  UnitScope,
  unitPathCondition,
} from '@linli/platform';
import { DataSource, EntityManager } from 'typeorm';
import { PartyOrganizationEntity } from '../party-organizations/party-organization.entity';
import { PartyOrganizationsService } from '../party-organizations/party-organizations.service';
import { MemberTransferDto } from './dto/member-transfer.dto';
import { PartyMemberDetailDto } from './dto/party-member-detail.dto';
import { PartyMemberPageDto } from './dto/party-member-page.dto';
import { PartyMemberDto } from './dto/party-member.dto';
import { PartyMembersQueryDto } from './dto/party-members-query.dto';
import { MemberTransferEntity } from './member-transfer.entity';
import { PartyMemberEntity } from './party-member.entity';

/**
 * Reading party members. A member is visible with organizations.read where their organization is
 * anchored or where they live (a community sees the in-service members living there, whose
 * relation sits elsewhere); changing a member needs members.manage at their organization.
 */
@Injectable()
export class MembersService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly scope: ScopeService,
    private readonly organizations: PartyOrganizationsService,
    private readonly references: ScopedReferences,
  ) {}

  /**
   * The member if the caller holds `permission` (default organizations.read) where the member's
   * organization is anchored or where they live; 404 otherwise (missing and out of scope alike).
   * This is the reference check for a `memberId` a request carries.
   */
  async findVisible(
    user: AuthenticatedUser,
    id: string,
    manager?: EntityManager,
    permission: Permission = Permission.OrganizationsRead,
  ): Promise<PartyMemberEntity> {
    const em = manager ?? this.dataSource.manager;
    const member = await em.getRepository(PartyMemberEntity).findOneBy({ id });
    if (member && this.scope.canReach(user, permission, member.residencePath)) return member;
    const organization = member
      ? await em
          .getRepository(PartyOrganizationEntity)
          .findOne({ select: { unitPath: true }, where: { id: member.organizationId } })
      : null;
    if (!member || !organization || !this.scope.canReach(user, permission, organization.unitPath))
      throw new NotFoundProblem('该党员');
    return member;
  }

  async get(user: AuthenticatedUser, id: string): Promise<PartyMemberDetailDto> {
    const member = await this.findVisible(user, id);
    const transfers = await this.dataSource
      .getRepository(MemberTransferEntity)
      .find({ where: { memberId: id }, order: { transferredAt: 'ASC', createdAt: 'ASC' } });
    const names = await this.organizations.organizationNames([
      member.organizationId,
      ...transfers.flatMap((t) => [t.fromOrganizationId, t.toOrganizationId]),
    ]);
    const people = await this.organizations.personNames([member.personId]);
    const dto = PartyMemberDto.fill(
      new PartyMemberDetailDto(),
      member,
      people.get(member.personId) ?? '',
      names.get(member.organizationId) ?? '',
    );
    dto.transfers = transfers.map((t) => MemberTransferDto.from(t, names));
    return dto;
  }

  async list(user: AuthenticatedUser, query: PartyMembersQueryDto): Promise<PartyMemberPageDto> {
    let scope: UnitScope = await this.scope.scopeFilterAt(user, Permission.OrganizationsRead, query.unitId);
    const qb = this.dataSource.getRepository(PartyMemberEntity).createQueryBuilder('member');
    if (query.organizationId) {
      await this.references.reachOne(user, Permission.OrganizationsRead, 'organization', query.organizationId);
      qb.andWhere('member.organizationId = :organizationId', { organizationId: query.organizationId });
      if (query.unitId === undefined) scope = 'all';
    }
    const byOrganization = unitPathCondition('o.unit_path', scope, 'org');
    const byResidence = unitPathCondition('member.residencePath', scope, 'home');
    qb.andWhere(
      `(member.organizationId IN (SELECT o.id FROM party_organizations o WHERE ${byOrganization.sql}) OR ${byResidence.sql})`,
      {
        ...byOrganization.params,
        ...byResidence.params,
      },
    );
    if (query.category) qb.andWhere('member.category = :category', { category: query.category });
    if (query.status) qb.andWhere('member.status = :status', { status: query.status });
    const page = await paginate(qb, query, {
      sortColumn: 'member.joinedAt',
      sortKey: (m) => m.joinedAt,
      tieBreaker: 'member.id',
      tieKey: (m) => m.id,
    });
    return { items: await this.present(page.items), nextCursor: page.nextCursor };
  }

  async present(members: PartyMemberEntity[]): Promise<PartyMemberDto[]> {
    const [people, names] = await Promise.all([
      this.organizations.personNames(members.map((m) => m.personId)),
      this.organizations.organizationNames(members.map((m) => m.organizationId)),
    ]);
    return members.map((m) =>
      PartyMemberDto.fill(new PartyMemberDto(), m, people.get(m.personId) ?? '', names.get(m.organizationId) ?? ''),
    );
  }
}
