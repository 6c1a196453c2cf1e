import { Injectable } from '@nestjs/common';
import { AuditLog, AuthenticatedUser, Clock, NotFoundProblem, queryRows, TransactionRunner, ValidationProblem } from '@linli/platform';
import { EntityManager, QueryFailedError } from 'typeorm';
import { ClaimantOrganizationKind } from '../demand-kind';
import { DemandAccess, LoadedDemand } from '../demand-access.service';
import { DemandsCode, DemandsException } from '../demands.exception';
import { DemandsQuery } from '../demands-query.service';
import { ClaimDemandDto } from '../dto/claim-demand.dto';
import { DemandDetailDto } from '../dto/demand.dto';

interface Claimant {
  personId: string | null;
  organizationId: string | null;
  organizationKind: ClaimantOrganizationKind | null;
}

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
    private readonly audit: AuditLog,
    private readonly clock: Clock,
    private readonly demands: DemandsQuery,
  ) {}

  async execute(user: AuthenticatedUser, id: string, command: ClaimDemandDto): Promise<DemandDetailDto> {
    if (command.personId && command.organizationId) {
      throw new ValidationProblem([{ field: 'organizationId', constraint: 'exclusive', message: 'give personId or organizationId, not both' }]);
    }
    return this.transactions.run(async (manager) => {
      const demand = await this.access.load(manager, user, id, { lock: true });
      const claimant = await this.claimant(manager, user, demand, command);
      if (claimant.personId !== null && claimant.personId === demand.row.requester_person_id) throw new DemandsException(DemandsCode.OwnDemand);
      if (demand.row.status === 'claimed' || demand.row.status === 'fulfilled') throw new DemandsException(DemandsCode.DemandTaken);
      const now = this.clock.now();
      const moved = await queryRows<{ id: string }>(manager, `UPDATE volunteer_demands SET status = 'claimed', updated_at = now() WHERE id = $1 AND status = 'open' RETURNING id`, [id]);
      if (moved.length === 0) throw DemandsException.wrongState(demand.row.status, '认领');
      const expiresAt = new Date(now.getTime() + demand.row.claim_hours * HOUR_MS);
      const claimId = await this.insertClaim(manager, id, claimant, user.userId, now, expiresAt);
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

  private async claimant(manager: EntityManager, user: AuthenticatedUser, demand: LoadedDemand, command: ClaimDemandDto): Promise<Claimant> {
    if (command.organizationId) {
      this.access.assertManages(user, demand.row.unit_path);
      const [found] = await queryRows<{ kind: ClaimantOrganizationKind }>(
        manager,
        `SELECT 'party_organization' AS kind FROM party_organizations WHERE id = $1 UNION ALL SELECT 'institution' FROM institutions WHERE id = $1 LIMIT 1`,
        [command.organizationId],
      );
      if (!found) throw new NotFoundProblem('该组织或单位');
      return { personId: null, organizationId: command.organizationId, organizationKind: found.kind };
    }
    if (command.personId && command.personId !== user.personId) {
      this.access.assertManages(user, demand.row.unit_path);
      const [person] = await queryRows<{ id: string }>(manager, `SELECT id FROM people WHERE id = $1`, [command.personId]);
      if (!person) throw new NotFoundProblem('该居民');
      return { personId: command.personId, organizationId: null, organizationKind: null };
    }
    return { personId: this.access.personOf(user), organizationId: null, organizationKind: null };
  }

  private async insertClaim(manager: EntityManager, demandId: string, claimant: Claimant, userId: string, now: Date, expiresAt: Date): Promise<string> {
    try {
      const [claim] = await queryRows<{ id: string }>(
        manager,
        `INSERT INTO volunteer_demand_claims (demand_id, claimant_person_id, claimant_organization_id, claimant_organization_kind, claimed_by_user_id, claimed_at, expires_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id`,
        [demandId, claimant.personId, claimant.organizationId, claimant.organizationKind, userId, now, expiresAt],
      );
      return claim.id;
    } catch (error) {
      if (error instanceof QueryFailedError && (error.driverError as { code?: string }).code === '23505') throw new DemandsException(DemandsCode.DemandTaken);
      throw error;
    }
  }
}
