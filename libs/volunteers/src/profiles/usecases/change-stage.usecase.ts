import { Injectable } from '@nestjs/common';
import { AuditLog, AuthenticatedUser, Clock, Permission, TransactionRunner } from '@linli/platform';
import { selfAuthorization } from '../../volunteers.exception';
import { ChangeStageDto } from '../dto/change-stage.dto';
import { StageChangeDto } from '../dto/stage-change.dto';
import { ProfilesCode, ProfilesException } from '../profiles.exception';
import { ProfilesRepository } from '../profiles.repository';
import { ProfilesService } from '../profiles.service';

/**
 * `POST /volunteers/profiles/:id/stage`: a secretary (volunteers.verify where the profile is) moves
 * a volunteer along the growth path, or back, with a reason. The profile row is locked, so two
 * racing changes are recorded one after the other, each from the stage the other left. Nobody
 * changes their own stage (403 `volunteers.self-authorization`).
 */
@Injectable()
export class ChangeStageUseCase {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly profiles: ProfilesService,
    private readonly repository: ProfilesRepository,
    private readonly audit: AuditLog,
    private readonly clock: Clock,
  ) {}

  async execute(user: AuthenticatedUser, id: string, command: ChangeStageDto): Promise<StageChangeDto> {
    return this.transactions.run(async (manager) => {
      const { profile, unitPath } = await this.profiles.findAccessible(user, id, Permission.VolunteersVerify, {
        manager,
        lock: true,
      });
      if (profile.personId === user.personId) throw selfAuthorization('不能变更本人的成长阶段，请由其他工作人员办理');
      if (profile.stage === command.stage) throw new ProfilesException(ProfilesCode.StageUnchanged);
      const reason = command.reason.trim();
      const change = await this.repository.insertStageChange(manager, {
        profileId: id,
        fromStage: profile.stage,
        toStage: command.stage,
        reason,
        changedBy: user.userId,
        changedAt: this.clock.now(),
      });
      await this.repository.update(manager, id, { stage: command.stage });
      await this.audit.record(
        {
          action: 'volunteers.stage-changed',
          targetType: 'volunteer-profile',
          targetId: id,
          unitId: profile.unitId,
          unitPath,
          data: { personId: profile.personId, from: profile.stage, to: command.stage, reason },
        },
        manager,
      );
      return StageChangeDto.from(change);
    });
  }
}
