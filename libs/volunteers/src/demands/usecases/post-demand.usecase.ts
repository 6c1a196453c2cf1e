import { Injectable } from '@nestjs/common';
import { AuditLog, AuthenticatedUser, Clock, NotFoundProblem, queryRows, ScopeService, TransactionRunner } from '@linli/platform';
import { VolunteerSkills } from '../../profiles/volunteer-skills.service';
import { DEFAULT_CLAIM_HOURS } from '../demand-kind';
import { DemandAccess } from '../demand-access.service';
import { DemandsCode, DemandsException } from '../demands.exception';
import { DemandsQuery } from '../demands-query.service';
import { CreateDemandDto } from '../dto/create-demand.dto';
import { DemandDetailDto } from '../dto/demand.dto';

/**
 * `POST /volunteers/demands`: a resident posts a need for themselves, or staff with
 * volunteers.manage at the unit post one on a resident's behalf (`requesterPersonId`). Audited.
 */
@Injectable()
export class PostDemandUseCase {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly access: DemandAccess,
    private readonly scope: ScopeService,
    private readonly skills: VolunteerSkills,
    private readonly audit: AuditLog,
    private readonly clock: Clock,
    private readonly demands: DemandsQuery,
  ) {}

  async execute(user: AuthenticatedUser, command: CreateDemandDto): Promise<DemandDetailDto> {
    const onBehalf = command.requesterPersonId !== undefined && command.requesterPersonId !== user.personId;
    const unitPath = await this.scope.unitPath(command.unitId);
    if (onBehalf) this.access.assertManages(user, unitPath);
    const requester = onBehalf ? (command.requesterPersonId as string) : this.access.personOf(user);
    if (command.deadline && new Date(command.deadline) <= this.clock.now()) throw new DemandsException(DemandsCode.DeadlinePassed);
    const requiredSkills = [...new Set(command.requiredSkills ?? [])];
    await this.skills.assertKnown(requiredSkills);
    return this.transactions.run(async (manager) => {
      const [person] = await queryRows<{ id: string }>(manager, `SELECT id FROM people WHERE id = $1`, [requester]);
      if (!person) throw new NotFoundProblem('该居民');
      const [demand] = await queryRows<{ id: string }>(
        manager,
        `INSERT INTO volunteer_demands (kind, unit_id, title, description, requester_person_id, posted_by_user_id, required_skills, deadline, claim_hours, created_at, updated_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, date_trunc('milliseconds', clock_timestamp()), now()) RETURNING id`,
        [
          command.kind,
          command.unitId,
          command.title.trim(),
          command.description ?? null,
          requester,
          user.userId,
          requiredSkills,
          command.deadline ?? null,
          command.claimHours ?? DEFAULT_CLAIM_HOURS,
        ],
      );
      await this.audit.record(
        {
          action: 'volunteers.demand-posted',
          targetType: 'volunteer-demand',
          targetId: demand.id,
          unitId: command.unitId,
          unitPath,
          data: { kind: command.kind, title: command.title.trim(), requesterPersonId: requester, onBehalf },
        },
        manager,
      );
      return this.demands.detail(manager, demand.id);
    });
  }
}
