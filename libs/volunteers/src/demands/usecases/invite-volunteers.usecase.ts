import { Injectable } from '@nestjs/common';
import { OrganizationDirectory } from '@linli/organization';
import {
  AuditLog,
  AuthenticatedUser,
  Clock,
  NotFoundProblem,
  TransactionRunner,
  ValidationProblem,
} from '@linli/platform';
import { EntityManager } from 'typeorm';
import { DemandAccess } from '../demand-access.service';
import { DemandRow } from '../demand-rows';
import { DemandsException } from '../demands.exception';
import { DemandsRepository } from '../demands.repository';
import { DemandsQuery } from '../demands-query.service';
import { DemandsNotifier } from '../demands-notifier';
import { InvitationResultDto, InviteVolunteersDto } from '../dto/invite-volunteers.dto';
import { DemandMatching } from '../matching/demand-matching.service';

const DEFAULT_TOP = 5;
/** How many matches are ranked to find the best `top` the caller may invite. */
const MAX_RANKED = 100;

/**
 * `POST /volunteers/demands/:id/invite`: asks volunteers "能帮忙吗？" about an open demand: the top N
 * matches or the people named. Each person is invited at most once per demand (unique key, `ON
 * CONFLICT DO NOTHING`): those invited before are reported and not notified again. Audited.
 */
@Injectable()
export class InviteVolunteersUseCase {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly access: DemandAccess,
    private readonly repository: DemandsRepository,
    private readonly directory: OrganizationDirectory,
    private readonly demands: DemandsQuery,
    private readonly matching: DemandMatching,
    private readonly audit: AuditLog,
    private readonly clock: Clock,
    private readonly notifier: DemandsNotifier,
  ) {}

  async execute(user: AuthenticatedUser, id: string, command: InviteVolunteersDto): Promise<InvitationResultDto> {
    if (command.top !== undefined && command.personIds !== undefined) {
      throw new ValidationProblem([
        { field: 'personIds', constraint: 'exclusive', message: 'give top or personIds, not both' },
      ]);
    }
    return this.transactions.run(async (manager) => {
      const { row } = await this.access.load(manager, user, id);
      this.access.assertManages(user, row.unit_path);
      if (row.status !== 'open') throw DemandsException.wrongState(row.status, '邀请志愿者');
      const wanted = command.personIds
        ? [...new Set(command.personIds)]
        : await this.topReachable(manager, user, row, command.top ?? DEFAULT_TOP);
      // Everyone invited lives in the caller's volunteers.manage scope (404 otherwise, nothing written).
      await this.access.reachPeople(user, wanted, manager);
      const names = await this.directory.people.names(wanted, manager);
      if (names.size !== wanted.length) throw new NotFoundProblem('部分被邀请人');
      const inserted = await this.repository.insertInvitations(manager, id, wanted, user.userId, this.clock.now());
      const fresh = new Set(inserted.map((invitation) => invitation.person_id));
      await this.audit.record(
        {
          action: 'volunteers.demand-invited',
          targetType: 'volunteer-demand',
          targetId: id,
          unitId: row.unit_id,
          unitPath: row.unit_path,
          data: { personIds: [...fresh] },
        },
        manager,
      );
      await this.notifier.invited(
        manager,
        inserted.map((invitation) => ({ id: invitation.id, personId: invitation.person_id })),
        { title: row.title, unitName: await this.demands.unitName(row.unit_id, manager) },
      );
      return {
        invited: wanted
          .filter((personId) => fresh.has(personId))
          .map((personId) => ({ personId, name: names.get(personId) as string })),
        alreadyInvited: wanted.filter((personId) => !fresh.has(personId)),
      };
    });
  }

  /** The best `top` matches among the people the caller may act for (matching ranks the whole street). */
  private async topReachable(
    manager: EntityManager,
    user: AuthenticatedUser,
    row: DemandRow,
    top: number,
  ): Promise<string[]> {
    const ranked = await this.matching.rank(manager, row, Math.min(MAX_RANKED, top * 5));
    const reachable = await this.access.reachablePeople(
      user,
      ranked.map((match) => match.personId),
      manager,
    );
    return reachable.slice(0, top);
  }
}
