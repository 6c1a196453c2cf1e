import { Injectable } from '@nestjs/common';
import {
  AuditLog,
  AuthenticatedUser,
  Clock,
  isUniqueViolation,
  TransactionRunner,
  ValidationProblem,
} from '@linli/platform';
import { EntityManager } from 'typeorm';
import { DemandAccess, LoadedDemand } from '../demand-access.service';
import { NewClaim } from '../demand-rows';
import { DemandsCode, DemandsException } from '../demands.exception';
import { DemandsRepository } from '../demands.repository';
import { DemandsQuery } from '../demands-query.service';
import { ClaimDemandDto } from '../dto/claim-demand.dto';
import { DemandDetailDto } from '../dto/demand.dto';

type Claimant = Pick<NewClaim, 'personId' | 'organizationId' | 'organizationKind'>;

const HOUR_MS = 3600 * 1000;

/**
 * `POST /volunteers/demands/:id/claim`: one live claim per demand. The demand row is locked and moved
 * from open to claimed by a conditional update; the partial unique index on live claims backs it up.
 * Two claims at once: the second waits on the lock, finds the demand claimed and gets 409
 * `volunteers.demand-taken`.
 */
@Injectable()
export class ClaimDemandUseCase {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly access: DemandAccess,
    private readonly repository: DemandsRepository,
    private readonly audit: AuditLog,
    private readonly clock: Clock,
    private readonly demands: DemandsQuery,
  ) {}

  async execute(user: AuthenticatedUser, id: string, command: ClaimDemandDto): Promise<DemandDetailDto> {
    if (command.personId && command.organizationId) {
      throw new ValidationProblem([
        { field: 'organizationId', constraint: 'exclusive', message: 'give personId or organizationId, not both' },
      ]);
    }
    return this.transactions.run(async (manager) => {
      const demand = await this.access.load(manager, user, id, { lock: true });
      const claimant = await this.claimant(manager, user, demand, command);
      if (claimant.personId !== null && claimant.personId === demand.row.requester_person_id)
        throw new DemandsException(DemandsCode.OwnDemand);
      if (demand.row.status === 'claimed' || demand.row.status === 'fulfilled')
        throw new DemandsException(DemandsCode.DemandTaken);
      if (!(await this.repository.markClaimed(manager, id)))
        throw DemandsException.wrongState(demand.row.status, '认领');
      const now = this.clock.now();
      const expiresAt = new Date(now.getTime() + demand.row.claim_hours * HOUR_MS);
      const claimId = await this.insertClaim(manager, id, {
        ...claimant,
        claimedByUserId: user.userId,
        claimedAt: now,
        expiresAt,
      });
      await this.audit.record(
        {
          action: 'volunteers.demand-claimed',
          targetType: 'volunteer-demand',
          targetId: id,
          unitId: demand.row.unit_id,
          unitPath: demand.row.unit_path,
          data: { claimId, ...claimant, expiresAt: expiresAt.toISOString() },
        },
        manager,
      );
      return this.demands.detail(manager, id);
    });
  }

  /** Who claims: the caller's own person, or (staff with volunteers.manage where the demand is) another person, a party organization or an institution. */
  private async claimant(
    manager: EntityManager,
    user: AuthenticatedUser,
    demand: LoadedDemand,
    command: ClaimDemandDto,
  ): Promise<Claimant> {
    if (command.organizationId) {
      this.access.assertManages(user, demand.row.unit_path);
      const id = command.organizationId;
      const organizationKind = await this.access.claimableOrganization(manager, user, demand.row, id);
      return { personId: null, organizationId: id, organizationKind };
    }
    if (command.personId && command.personId !== user.personId) {
      this.access.assertManages(user, demand.row.unit_path);
      await this.access.reachPeople(user, [command.personId], manager);
      return { personId: command.personId, organizationId: null, organizationKind: null };
    }
    return { personId: this.access.personOf(user), organizationId: null, organizationKind: null };
  }

  private async insertClaim(manager: EntityManager, demandId: string, claim: NewClaim): Promise<string> {
    try {
      return await this.repository.insertClaim(manager, demandId, claim);
    } catch (error) {
      if (isUniqueViolation(error)) throw new DemandsException(DemandsCode.DemandTaken);
      throw error;
    }
  }
}
