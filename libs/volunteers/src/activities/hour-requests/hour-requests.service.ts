import { Injectable } from '@nestjs/common';
import { OrganizationDirectory } from '@linli/organization';
import {
  AuditLog,
  AuthenticatedUser,
  BusinessCalendar,
  Clock,
  NotFoundProblem,
  Outbox,
  Permission,
  ScopeService,
  TransactionRunner,
} from '@linli/platform';
import { EntityManager } from 'typeorm';
import { VolunteerRecords } from '../../profiles/volunteer-records.service';
import { VolunteersEvent } from '../../volunteers-events';
import { ActivitiesNotifier } from '../activities-notifier';
import { ActivitiesCode, ActivitiesException } from '../activities.exception';
import { linkedPersonId, selfAuthorization } from '../../volunteers.exception';
import { ApproveHourRequestDto } from './dto/approve-hour-request.dto';
import { CreateHourRequestDto } from './dto/create-hour-request.dto';
import { HourRequestDto, HourRequestPageDto } from './dto/hour-request.dto';
import { HourRequestsQueryDto } from './dto/hour-requests-query.dto';
import { RejectHourRequestDto } from './dto/reject-hour-request.dto';
import { HourRequestEntity } from './hour-request.entity';
import { HourRequestsRepository } from './hour-requests.repository';

const TITLE_LENGTH = 40;

/** What the points reason shows for approved self-reported hours. */
function titleOf(request: HourRequestEntity): string {
  const text = request.description.replace(/\s+/g, ' ').trim();
  return `自报服务：${text.length > TITLE_LENGTH ? `${text.slice(0, TITLE_LENGTH)}…` : text}`;
}

/**
 * Self-reported off-site service (自报时长): a linked resident asks, a secretary (volunteers.verify
 * at the request's unit) approves or rejects, once. Approving publishes
 * `volunteers.service.verified` (source 'hour-request') and adds the hours to the profile in the
 * same transaction; approving again answers the approved request and does nothing more.
 */
@Injectable()
export class HourRequestsService {
  constructor(
    private readonly requests: HourRequestsRepository,
    private readonly directory: OrganizationDirectory,
    private readonly transactions: TransactionRunner,
    private readonly scope: ScopeService,
    private readonly records: VolunteerRecords,
    private readonly notifier: ActivitiesNotifier,
    private readonly outbox: Outbox,
    private readonly audit: AuditLog,
    private readonly clock: Clock,
    private readonly calendar: BusinessCalendar,
  ) {}

  async create(user: AuthenticatedUser, command: CreateHourRequestDto): Promise<HourRequestDto> {
    const personId = linkedPersonId(user);
    await this.scope.unitPath(command.unitId);
    const now = this.clock.now();
    if (command.date > this.calendar.localDate(now)) throw new ActivitiesException(ActivitiesCode.HourRequestFuture);
    const request = await this.transactions.run(async (manager) => {
      const unit = await this.directory.units.anchor(manager, command.unitId);
      return this.requests.insert(manager, {
        personId,
        unitId: unit.id,
        unitPath: unit.path,
        serviceDate: command.date,
        hours: command.hours,
        description: command.description.trim(),
        status: 'pending',
        requestedBy: user.userId,
        createdAt: now,
      });
    });
    return HourRequestDto.from(request);
  }

  /** Staff: requests at units in their volunteers.read scope; everyone: their own. Newest first. */
  async list(user: AuthenticatedUser, query: HourRequestsQueryDto): Promise<HourRequestPageDto> {
    const scope = await this.scope.scopeFilterAt(user, Permission.VolunteersRead, query.unitId);
    const orPersonId = query.unitId || !user.personId ? undefined : user.personId;
    const page = await this.requests.page({ scope, orPersonId, status: query.status }, query);
    return { items: page.items.map((r) => HourRequestDto.from(r)), nextCursor: page.nextCursor };
  }

  async approve(user: AuthenticatedUser, id: string, command: ApproveHourRequestDto): Promise<HourRequestDto> {
    return this.decide(user, id, 'approved', async (manager, request, unitPath) => {
      const hours = command.hours ?? request.hours;
      await this.requests.approve(manager, id, hours, user.userId, this.clock.now());
      await this.outbox.publish(manager, {
        type: VolunteersEvent.ServiceVerified,
        unitId: request.unitId,
        actors: [{ personId: request.personId, role: 'volunteer' }],
        quantity: hours,
        data: { source: 'hour-request', sourceId: request.id, title: titleOf(request), hours },
      });
      await this.records.addVerifiedHours(manager, { personId: request.personId, hours, unitId: request.unitId });
      await this.audit.record(
        {
          action: 'volunteers.hour-request-approved',
          targetType: 'volunteer-hour-request',
          targetId: id,
          unitId: request.unitId,
          unitPath,
          data: { personId: request.personId, requested: request.hours, approved: hours },
        },
        manager,
      );
    });
  }

  async reject(user: AuthenticatedUser, id: string, command: RejectHourRequestDto): Promise<HourRequestDto> {
    return this.decide(user, id, 'rejected', async (manager, request, unitPath) => {
      await this.requests.reject(manager, id, command.reason.trim(), user.userId, this.clock.now());
      await this.audit.record(
        {
          action: 'volunteers.hour-request-rejected',
          targetType: 'volunteer-hour-request',
          targetId: id,
          unitId: request.unitId,
          unitPath,
          data: { personId: request.personId, reason: command.reason.trim() },
        },
        manager,
      );
    });
  }

  /**
   * Decides a pending request under its row lock (volunteers.verify at its unit; 404 otherwise). Nobody
   * approves their own request (403 `volunteers.self-authorization`).
   * The same decision again answers the request as it is; the other decision is 409.
   */
  private async decide(
    user: AuthenticatedUser,
    id: string,
    outcome: 'approved' | 'rejected',
    apply: (manager: EntityManager, request: HourRequestEntity, unitPath: string) => Promise<void>,
  ): Promise<HourRequestDto> {
    const request = await this.transactions.run(async (manager) => {
      if (outcome === 'approved') {
        // Approving may create the person's profile (a path copy): the tree lock comes before the request's row lock.
        const unlocked = await this.requests.findById(manager, id);
        if (unlocked) await this.records.anchorUnit(manager, unlocked.unitId);
      }
      const locked = await this.requests.lock(manager, id);
      if (!locked || !this.scope.canReach(user, Permission.VolunteersVerify, locked.unitPath))
        throw new NotFoundProblem('该时长申请');
      if (outcome === 'approved' && locked.personId === user.personId)
        throw selfAuthorization('不能审批本人的时长申请，请由其他工作人员办理');
      if (locked.status === outcome) return locked;
      if (locked.status !== 'pending') throw new ActivitiesException(ActivitiesCode.HourRequestDecided);
      await apply(manager, locked, locked.unitPath);
      const decided = await this.requests.find(manager, id);
      await this.notifier.hourRequestDecided(manager, decided);
      return decided;
    });
    return HourRequestDto.from(request);
  }
}
