import { Injectable } from '@nestjs/common';
import { OrganizationDirectory } from '@linli/organization';
import { AuditLog, AuthenticatedUser, Clock, Permission, ScopedReferences, TransactionRunner } from '@linli/platform';
import { TopicsCode, TopicsException } from '../../topics/topics.exception';
import { ConventionRecord } from '../convention-record';
import { ConventionViews } from '../convention-views';
import { ConventionsRepository } from '../conventions.repository';
import { ConventionDto } from '../dto/convention.dto';
import { CreateConventionDto } from '../dto/create-convention.dto';

/**
 * `POST /deliberation/conventions`: a new draft version of a community's convention (version =
 * the community's latest + 1), superseding the one in force, if any, once adopted.
 */
@Injectable()
export class CreateConventionUseCase {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly references: ScopedReferences,
    private readonly directory: OrganizationDirectory,
    private readonly conventions: ConventionsRepository,
    private readonly views: ConventionViews,
    private readonly audit: AuditLog,
    private readonly clock: Clock,
  ) {}

  async execute(user: AuthenticatedUser, command: CreateConventionDto): Promise<ConventionDto> {
    await this.references.reach(user, Permission.DeliberationManage, { unit: command.unitId });
    return this.transactions.run(async (manager) => {
      const unit = await this.directory.units.anchor(manager, command.unitId);
      if (unit.kind !== 'community')
        throw new TopicsException(TopicsCode.UnitKind, { detail: '居民公约以社区为单位制定，请选择社区' });
      await this.conventions.lockCommunity(manager, unit.id);
      const title = command.title.trim();
      const id = await this.conventions.insertDraft(manager, {
        unitId: unit.id,
        unitPath: unit.path,
        title,
        body: command.body.trim(),
        createdByUserId: user.userId,
        createdAt: this.clock.now(),
      });
      const convention = (await this.conventions.readOne(manager, id)) as ConventionRecord;
      await this.audit.record(
        {
          action: 'deliberation.convention-drafted',
          targetType: 'deliberation-convention',
          targetId: id,
          unitId: unit.id,
          unitPath: unit.path,
          data: { title, version: convention.version, supersedesId: convention.supersedesId },
        },
        manager,
      );
      return this.views.one(convention, manager);
    });
  }
}
