import { Injectable } from '@nestjs/common';
import { OrganizationDirectory } from '@linli/organization';
import { AuditLog, AuthenticatedUser, Clock, NotFoundProblem, ScopeService, TransactionRunner } from '@linli/platform';
import { VolunteerSkills } from '../../profiles/volunteer-skills.service';
import { DEFAULT_CLAIM_HOURS } from '../demand-kind';
import { DemandAccess } from '../demand-access.service';
import { DemandsCode, DemandsException } from '../demands.exception';
import { DemandsRepository } from '../demands.repository';
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
    private readonly repository: DemandsRepository,
    private readonly directory: OrganizationDirectory,
    private readonly scope: ScopeService,
    private readonly skills: VolunteerSkills,
    private readonly audit: AuditLog,
    private readonly clock: Clock,
    private readonly demands: DemandsQuery,
  ) {}

  async execute(user: AuthenticatedUser, command: CreateDemandDto): Promise<DemandDetailDto> {
    const onBehalf = command.requesterPersonId !== undefined && command.requesterPersonId !== user.personId;
    const unitPath = await this.scope.unitPath(command.unitId);
    // On someone's behalf: the unit and the requester both lie in the caller's volunteers.manage scope (404 otherwise).
    if (onBehalf) {
      this.access.assertManages(user, unitPath);
      await this.access.reachPeople(user, [command.requesterPersonId as string]);
    }
    const requester = onBehalf ? (command.requesterPersonId as string) : this.access.personOf(user);
    if (command.deadline && new Date(command.deadline) <= this.clock.now())
      throw new DemandsException(DemandsCode.DeadlinePassed);
    const requiredSkills = [...new Set(command.requiredSkills ?? [])];
    await this.skills.assertKnown(requiredSkills);
    return this.transactions.run(async (manager) => {
      if (!(await this.directory.people.names([requester], manager)).has(requester))
        throw new NotFoundProblem('该居民');
      const unit = await this.directory.units.anchor(manager, command.unitId);
      const title = command.title.trim();
      const id = await this.repository.insert(manager, {
        kind: command.kind,
        unitId: unit.id,
        unitPath: unit.path,
        title,
        description: command.description ?? null,
        requesterPersonId: requester,
        postedByUserId: user.userId,
        requiredSkills,
        deadline: command.deadline ?? null,
        claimHours: command.claimHours ?? DEFAULT_CLAIM_HOURS,
      });
      await this.audit.record(
        {
          action: 'volunteers.demand-posted',
          targetType: 'volunteer-demand',
          targetId: id,
          unitId: command.unitId,
          unitPath: unit.path,
          data: { kind: command.kind, title, requesterPersonId: requester, onBehalf },
        },
        manager,
      );
      return this.demands.detail(manager, id);
    });
  }
}
