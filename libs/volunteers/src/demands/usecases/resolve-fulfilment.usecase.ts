import { Injectable } from '@nestjs/common';
import { AuditLog, AuthenticatedUser, Clock, Outbox, TransactionRunner, ValidationProblem } from '@linli/platform';
import { EntityManager } from 'typeorm';
import { VolunteerRecords } from '../../profiles/volunteer-records.service';
import { selfAuthorization } from '../../volunteers.exception';
import { VolunteersEvent } from '../../volunteers-events';
import { DemandAccess, LoadedDemand } from '../demand-access.service';
import { claimantActor } from '../demand-events';
import { DemandsException } from '../demands.exception';
import { DemandsRepository } from '../demands.repository';
import { claimantRecipient, DemandsNotifier } from '../demands-notifier';
import { DemandsQuery } from '../demands-query.service';
import { ConfirmDemandDto } from '../dto/confirm-demand.dto';
import { DemandDetailDto } from '../dto/demand.dto';
import { RejectDemandDto } from '../dto/reject-demand.dto';

const HOUR_MS = 3600 * 1000;

/**
 * The requester's answer to a fulfilment (or staff with volunteers.manage acting for a requester
 * without an account). `/confirm` closes the claim with a rating, adds it to the claimant's profile
 * and publishes `volunteers.wish.confirmed` (the pending points become available); `/reject` puts the
 * demand back to claimed with a fresh claim window and publishes `volunteers.wish.rejected` (that
 * attempt's points are voided). Audited.
 */
@Injectable()
export class ResolveFulfilmentUseCase {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly access: DemandAccess,
    private readonly repository: DemandsRepository,
    private readonly outbox: Outbox,
    private readonly records: VolunteerRecords,
    private readonly audit: AuditLog,
    private readonly clock: Clock,
    private readonly notifier: DemandsNotifier,
    private readonly demands: DemandsQuery,
  ) {}

  confirm(user: AuthenticatedUser, id: string, command: ConfirmDemandDto): Promise<DemandDetailDto> {
    return this.transactions.run(async (manager) => {
      // The rating may create the claimant's profile (a path copy): the tree lock comes before the demand's row lock.
      const unlocked = await this.repository.find(manager, id);
      if (unlocked) await this.records.anchorUnit(manager, unlocked.unit_id);
      const demand = await this.pending(manager, user, id, '确认');
      const { row } = demand;
      const onBehalf = await this.assertMayConfirm(manager, user, demand, command);
      const reason = command.reason?.trim() ?? null;
      const fulfilmentId = await this.resolve(manager, id, { rating: command.rating });
      await this.repository.endClaim(manager, row.claim_id as string, 'completed');
      await this.repository.setStatus(manager, id, 'confirmed', command.rating);
      if (row.claimant_person_id)
        await this.records.addRating(manager, {
          personId: row.claimant_person_id,
          rating: command.rating,
          unitId: row.unit_id,
        });
      await this.outbox.publish(manager, {
        type: VolunteersEvent.WishConfirmed,
        unitId: row.unit_id,
        actors: [claimantActor(row)],
        data: { wishId: fulfilmentId, demandId: id, kind: row.kind, title: row.title, rating: command.rating },
      });
      await this.audit.record(
        {
          action: 'volunteers.demand-confirmed',
          targetType: 'volunteer-demand',
          targetId: id,
          unitId: row.unit_id,
          unitPath: row.unit_path,
          data: { fulfilmentId, rating: command.rating, ...(onBehalf ? { onBehalf: true, reason } : {}) },
        },
        manager,
      );
      return this.demands.detail(manager, id);
    });
  }

  async reject(user: AuthenticatedUser, id: string, command: RejectDemandDto): Promise<DemandDetailDto> {
    const reason = command.reason.trim();
    return this.transactions.run(async (manager) => {
      const demand = await this.pending(manager, user, id, '退回');
      const { row } = demand;
      const fulfilmentId = await this.resolve(manager, id, { reason });
      await this.repository.renewClaim(
        manager,
        row.claim_id as string,
        new Date(this.clock.now().getTime() + row.claim_hours * HOUR_MS),
      );
      await this.repository.setStatus(manager, id, 'claimed');
      await this.outbox.publish(manager, {
        type: VolunteersEvent.WishRejected,
        unitId: row.unit_id,
        actors: [claimantActor(row)],
        data: { wishId: fulfilmentId, demandId: id, kind: row.kind, title: row.title, reason },
      });
      await this.audit.record(
        {
          action: 'volunteers.demand-rejected',
          targetType: 'volunteer-demand',
          targetId: id,
          unitId: row.unit_id,
          unitPath: row.unit_path,
          data: { fulfilmentId, reason },
        },
        manager,
      );
      await this.notifier.rejected(manager, claimantRecipient(row), fulfilmentId, row.title, reason);
      return this.demands.detail(manager, id);
    });
  }

  /**
   * Nobody confirms a demand they claimed (for themselves, someone else or an organization) or whose
   * pending attempt they reported: 403 `volunteers.self-authorization`, whichever side they are on.
   * Staff confirming for the requester must give a reason (400 `validation.failed`); answers whether
   * the caller confirms on the requester's behalf.
   */
  private async assertMayConfirm(
    manager: EntityManager,
    user: AuthenticatedUser,
    demand: LoadedDemand,
    command: ConfirmDemandDto,
  ): Promise<boolean> {
    const { row } = demand;
    const attempt = await this.repository.pendingFulfilment(manager, row.id);
    if (
      row.claimed_by_user_id === user.userId ||
      attempt?.fulfilled_by_user_id === user.userId ||
      (user.personId !== null && row.claimant_person_id === user.personId)
    )
      throw selfAuthorization('不能确认本人认领或完成的需求', { demandId: row.id });
    if (demand.roles.requester) return false;
    if (!command.reason?.trim())
      throw new ValidationProblem([
        {
          field: 'reason',
          constraint: 'required',
          message: "a reason is required to confirm on the requester's behalf",
        },
      ]);
    return true;
  }

  private async pending(
    manager: EntityManager,
    user: AuthenticatedUser,
    id: string,
    action: string,
  ): Promise<LoadedDemand> {
    const demand = await this.access.load(manager, user, id, { lock: true });
    this.access.assertRequesterSide(demand);
    if (demand.row.status !== 'fulfilled' || demand.row.claim_id === null)
      throw DemandsException.wrongState(demand.row.status, action);
    return demand;
  }

  /** Resolves the demand's pending fulfilment; returns its id. */
  private async resolve(
    manager: EntityManager,
    demandId: string,
    resolution: { rating: number } | { reason: string },
  ): Promise<string> {
    const resolved = await this.repository.resolveFulfilment(manager, demandId, resolution, this.clock.now());
    if (!resolved) throw DemandsException.wrongState('fulfilled', '处理');
    return resolved;
  }
}
