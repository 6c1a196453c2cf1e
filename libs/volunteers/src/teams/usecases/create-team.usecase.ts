import { Injectable } from '@nestjs/common';
import { AuditLog, AuthenticatedUser, Permission, ScopeService, TransactionRunner } from '@linli/platform';
import { CreateTeamDto } from '../dto/create-team.dto';
import { TeamDto } from '../dto/team.dto';
import { withTeamConstraints } from '../team-conflicts';
import { TeamViews } from '../team-views';
import { VolunteerTeamEntity } from '../volunteer-team.entity';

/** `POST /volunteers/teams`: a team at a unit of the caller's volunteers.manage scope; its name is unique there (409 `volunteers.team-name-taken`). */
@Injectable()
export class CreateTeamUseCase {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly scope: ScopeService,
    private readonly views: TeamViews,
    private readonly audit: AuditLog,
  ) {}

  async execute(user: AuthenticatedUser, command: CreateTeamDto): Promise<TeamDto> {
    const unitPath = await this.scope.reachableUnitPath(user, Permission.VolunteersManage, command.unitId);
    return this.transactions.run(async (manager) => {
      const repository = manager.getRepository(VolunteerTeamEntity);
      const saved = await withTeamConstraints(() =>
        repository.save(repository.create({ unitId: command.unitId, name: command.name, kind: command.kind, description: command.description ?? null, createdBy: user.userId })),
      );
      await this.audit.record(
        { action: 'volunteers.team-created', targetType: 'volunteer-team', targetId: saved.id, unitId: saved.unitId, unitPath, data: { name: saved.name, kind: saved.kind } },
        manager,
      );
      return this.views.team(await repository.findOneByOrFail({ id: saved.id }), manager);
    });
  }
}
