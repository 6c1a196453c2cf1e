import { Injectable } from '@nestjs/common';
import { AuditLog, AuthenticatedUser, Clock, NotFoundProblem, queryRows, TransactionRunner, ValidationProblem } from '@linli/platform';
import { DemandAccess } from '../demand-access.service';
import { DemandsException } from '../demands.exception';
import { DemandsNotifier } from '../demands-notifier';
import { InvitationResultDto, InviteVolunteersDto } from '../dto/invite-volunteers.dto';
import { DemandMatching } from '../matching/demand-matching.service';

const DEFAULT_TOP = 5;

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
    private readonly matching: DemandMatching,
    private readonly audit: AuditLog,
    private readonly clock: Clock,
    private readonly notifier: DemandsNotifier,
  ) {}

  async execute(user: AuthenticatedUser, id: string, command: InviteVolunteersDto): Promise<InvitationResultDto> {
    if (command.top !== undefined && command.personIds !== undefined) {
      throw new ValidationProblem([{ field: 'personIds', constraint: 'exclusive', message: 'give top or personIds, not both' }]);
    }
    const outcome = await this.transactions.run(async (manager) => {
      const { row } = await this.access.load(manager, user, id);
      this.access.assertManages(user, row.unit_path);
      if (row.status !== 'open') throw DemandsException.wrongState(row.status, '邀请志愿者');
      const wanted = command.personIds ? [...new Set(command.personIds)] : (await this.matching.rank(manager, row, command.top ?? DEFAULT_TOP)).map((match) => match.personId);
      const people = await queryRows<{ id: string; name: string }>(manager, `SELECT id, name FROM people WHERE id = ANY ($1::uuid[])`, [wanted]);
      if (people.length !== wanted.length) throw new NotFoundProblem('部分被邀请人');
      const inserted = await queryRows<{ id: string; person_id: string }>(
        manager,
        `INSERT INTO volunteer_demand_invitations (demand_id, person_id, invited_by_user_id, invited_at)
         SELECT $1, p, $3, $4 FROM unnest($2::uuid[]) p
         ON CONFLICT (demand_id, person_id) DO NOTHING RETURNING id, person_id`,
        [id, wanted, user.userId, this.clock.now()],
      );
      const fresh = new Set(inserted.map((invitation) => invitation.person_id));
      await this.audit.record(
        { action: 'volunteers.demand-invited', targetType: 'volunteer-demand', targetId: id, unitId: row.unit_id, unitPath: row.unit_path, data: { personIds: [...fresh] } },
        manager,
      );
      return {
        row,
        invitations: inserted.map((invitation) => ({ id: invitation.id, personId: invitation.person_id })),
        result: {
          invited: people.filter((person) => fresh.has(person.id)).map((person) => ({ personId: person.id, name: person.name })),
          alreadyInvited: wanted.filter((personId) => !fresh.has(personId)),
        },
      };
    });
    await this.notifier.invited(outcome.invitations, { title: outcome.row.title, unitName: outcome.row.unit_name });
    return outcome.result;
  }
}
