import { Injectable } from '@nestjs/common';
import { OrganizationDirectory } from '@linli/organization';
import {
  AuditLog,
  AuthenticatedUser,
  BusinessCalendar,
  Clock,
  decodeTimeIdCursor,
  encodeCursor,
  isWithin,
  NotFoundProblem,
  Permission,
  ScopedReferences,
  ScopeService,
  TransactionRunner,
} from '@linli/platform';
import { EntityManager } from 'typeorm';
import { selfAuthorization } from '../deliberation.exception';
import { DELIBERATION_UNIT_KINDS } from '../topics/topic-steps';
import { TopicsCode, TopicsException } from '../topics/topics.exception';
import { CreateRepresentativeDto } from './dto/create-representative.dto';
import { EndRepresentativeDto } from './dto/end-representative.dto';
import { RepresentativeDto, RepresentativePageDto } from './dto/representative.dto';
import { RepresentativesQueryDto } from './dto/representatives-query.dto';
import { RepresentativeRecord, RepresentativesRepository } from './representatives.repository';
import { RepresentativesCode, RepresentativesException } from './representatives.exception';

/**
 * The residents' representatives roll (居民代表): staff (deliberation.manage at the unit) record a
 * resident living within the unit as its representative, and end the mandate with a reason. The
 * active representatives at a unit and below it are the electorate of a representatives' vote
 * (frozen when the vote is created).
 */
@Injectable()
export class RepresentativesService {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly references: ScopedReferences,
    private readonly scope: ScopeService,
    private readonly directory: OrganizationDirectory,
    private readonly representatives: RepresentativesRepository,
    private readonly calendar: BusinessCalendar,
    private readonly audit: AuditLog,
    private readonly clock: Clock,
  ) {}

  async create(user: AuthenticatedUser, command: CreateRepresentativeDto): Promise<RepresentativeDto> {
    await this.references.reach(user, Permission.DeliberationManage, {
      unit: command.unitId,
      person: command.personId,
    });
    if (command.personId === user.personId) throw selfAuthorization('不能登记本人为居民代表');
    return this.transactions.run(async (manager) => {
      const unit = await this.directory.units.anchor(manager, command.unitId);
      if (!(DELIBERATION_UNIT_KINDS as readonly string[]).includes(unit.kind))
        throw new TopicsException(TopicsCode.UnitKind, { extensions: { unitKind: unit.kind } });
      const person = (await this.directory.people.byIds([command.personId], manager)).get(command.personId);
      if (!person || !isWithin(person.residencePath, unit.path))
        throw new RepresentativesException(RepresentativesCode.NotResident);
      const now = this.clock.now();
      const startedOn = command.startedOn?.slice(0, 10) ?? this.calendar.localDate(now);
      const id = await this.representatives.insert(manager, {
        unitId: unit.id,
        unitPath: unit.path,
        personId: person.id,
        startedOn,
        createdByUserId: user.userId,
        at: now,
      });
      if (!id) throw new RepresentativesException(RepresentativesCode.Exists);
      await this.audit.record(
        {
          action: 'deliberation.representative-added',
          targetType: 'deliberation-representative',
          targetId: id,
          unitId: unit.id,
          unitPath: unit.path,
          data: { personId: person.id, startedOn },
        },
        manager,
      );
      return (
        await this.views(manager, [(await this.representatives.readOne(manager, id)) as RepresentativeRecord])
      )[0];
    });
  }

  async end(user: AuthenticatedUser, id: string, command: EndRepresentativeDto): Promise<RepresentativeDto> {
    return this.transactions.run(async (manager) => {
      const mandate = await this.representatives.readOne(manager, id, { lock: true });
      if (!mandate || !this.scope.canReach(user, Permission.DeliberationManage, mandate.unitPath))
        throw new NotFoundProblem('该居民代表');
      if (mandate.endedOn !== null) throw new RepresentativesException(RepresentativesCode.Ended);
      const endedOn = this.calendar.localDate(this.clock.now());
      const reason = command.reason.trim();
      await this.representatives.end(manager, id, endedOn, reason);
      await this.audit.record(
        {
          action: 'deliberation.representative-ended',
          targetType: 'deliberation-representative',
          targetId: id,
          unitId: mandate.unitId,
          unitPath: mandate.unitPath,
          data: { personId: mandate.personId, endedOn, reason },
        },
        manager,
      );
      return (
        await this.views(manager, [(await this.representatives.readOne(manager, id)) as RepresentativeRecord])
      )[0];
    });
  }

  /** Mandates in the caller's deliberation.read scope, newest first; `unitId` narrows to a subtree (404 outside the scope). */
  async list(user: AuthenticatedUser, query: RepresentativesQueryDto): Promise<RepresentativePageDto> {
    const unitPath = query.unitId
      ? await this.scope.reachableUnitPath(user, Permission.DeliberationRead, query.unitId)
      : undefined;
    const limit = query.limit ?? 20;
    const rows = await this.representatives.page(
      this.scope.condition('r.unit_path', user, Permission.DeliberationRead),
      {
        unitPath,
        includeEnded: query.includeEnded === true,
        after: query.cursor ? decodeTimeIdCursor(query.cursor) : undefined,
        limit,
      },
    );
    const page = rows.slice(0, limit);
    const last = page[page.length - 1];
    return {
      items: await this.views(undefined, page),
      nextCursor: rows.length > limit && last ? encodeCursor([last.createdAt.toISOString(), last.id]) : null,
    };
  }

  private async views(manager: EntityManager | undefined, rows: RepresentativeRecord[]): Promise<RepresentativeDto[]> {
    const units = await this.directory.units.byIds(
      rows.map((row) => row.unitId),
      manager,
    );
    const names = await this.directory.people.names(
      rows.map((row) => row.personId),
      manager,
    );
    return rows.map((row) => ({
      id: row.id,
      unitId: row.unitId,
      unitName: units.get(row.unitId)?.name ?? '',
      personId: row.personId,
      personName: names.get(row.personId) ?? '',
      startedOn: row.startedOn,
      endedOn: row.endedOn,
      endReason: row.endReason,
      active: row.endedOn === null,
    }));
  }
}
