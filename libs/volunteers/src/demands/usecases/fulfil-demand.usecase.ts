import { Injectable } from '@nestjs/common';
import { AuditLog, AuthenticatedUser, Clock, Outbox, TransactionRunner } from '@linli/platform';
import { VolunteersEvent } from '../../volunteers-events';
import { DemandAccess } from '../demand-access.service';
import { claimantActor } from '../demand-events';
import { DemandsException } from '../demands.exception';
import { DemandsRepository } from '../demands.repository';
import { DemandsNotifier } from '../demands-notifier';
import { DemandsQuery } from '../demands-query.service';
import { DemandDetailDto } from '../dto/demand.dto';
import { FulfilDemandDto } from '../dto/fulfil-demand.dto';

/**
 * `POST /volunteers/demands/:id/fulfil`: the claimant reports the demand done. A new fulfilment
 * attempt is recorded (its id is the events' `wishId`), the demand waits for the requester, and
 * `volunteers.wish.fulfilled` is published in the same transaction (the points stay pending until
 * the requester confirms). The requester is told: the notice is requested in the same transaction
 * (`NotificationOutbox`), so it leaves once the fulfilment commits, even if Redis is down meanwhile.
 */
@Injectable()
export class FulfilDemandUseCase {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly access: DemandAccess,
    private readonly repository: DemandsRepository,
    private readonly outbox: Outbox,
    private readonly audit: AuditLog,
    private readonly clock: Clock,
    private readonly notifier: DemandsNotifier,
    private readonly demands: DemandsQuery,
  ) {}

  async execute(user: AuthenticatedUser, id: string, command: FulfilDemandDto): Promise<DemandDetailDto> {
    return this.transactions.run(async (manager) => {
      const demand = await this.access.load(manager, user, id, { lock: true });
      this.access.assertClaimantSide(demand);
      const { row } = demand;
      if (row.status !== 'claimed' || row.claim_id === null) throw DemandsException.wrongState(row.status, '提交完成');
      const fulfilmentId = await this.repository.insertFulfilment(
        manager,
        id,
        row.claim_id,
        command.note ?? null,
        this.clock.now(),
        user.userId,
      );
      await this.repository.setStatus(manager, id, 'fulfilled');
      await this.outbox.publish(manager, {
        type: VolunteersEvent.WishFulfilled,
        unitId: row.unit_id,
        actors: [claimantActor(row)],
        data: { wishId: fulfilmentId, demandId: id, kind: row.kind, title: row.title },
      });
      await this.audit.record(
        {
          action: 'volunteers.demand-fulfilled',
          targetType: 'volunteer-demand',
          targetId: id,
          unitId: row.unit_id,
          unitPath: row.unit_path,
          data: { fulfilmentId, claimId: row.claim_id },
        },
        manager,
      );
      await this.notifier.fulfilled(manager, row.requester_person_id, fulfilmentId, row.title);
      return this.demands.detail(manager, id);
    });
  }
}
