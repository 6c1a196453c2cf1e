import { Injectable } from '@nestjs/common';
import { AuditLog, AuthenticatedUser, Clock, Permission, TransactionRunner } from '@linli/platform';
import { DeliberationSettings } from '../../settings/deliberation-settings.service';
import { ConventionAccess } from '../convention-access';
import { ConventionRecord } from '../convention-record';
import { ConventionViews } from '../convention-views';
import { ConventionsCode, ConventionsException } from '../conventions.exception';
import { ConventionsRepository } from '../conventions.repository';
import { ConventionDto } from '../dto/convention.dto';

const DAY_MS = 24 * 3600_000;

/** `POST /deliberation/conventions/:id/open-comments`: a draft goes to public comment for `convention.comment-days` days. */
@Injectable()
export class OpenConventionCommentsUseCase {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly access: ConventionAccess,
    private readonly conventions: ConventionsRepository,
    private readonly settings: DeliberationSettings,
    private readonly views: ConventionViews,
    private readonly audit: AuditLog,
    private readonly clock: Clock,
  ) {}

  async execute(user: AuthenticatedUser, id: string): Promise<ConventionDto> {
    await this.access.staff(user, Permission.DeliberationManage, id);
    return this.transactions.run(async (manager) => {
      const convention = (await this.conventions.readOne(manager, id, { lock: true })) as ConventionRecord;
      if (convention.status !== 'draft')
        throw new ConventionsException(ConventionsCode.Status, { detail: '只有草案可以公开征求意见' });
      const days = await this.settings.value('convention.comment-days', 'community', manager);
      const endsAt = new Date(this.clock.now().getTime() + days * DAY_MS);
      await this.conventions.openComments(manager, id, endsAt);
      await this.audit.record(
        {
          action: 'deliberation.convention-comments-opened',
          targetType: 'deliberation-convention',
          targetId: id,
          unitId: convention.unitId,
          unitPath: convention.unitPath,
          data: { version: convention.version, commentEndsAt: endsAt.toISOString() },
        },
        manager,
      );
      return this.views.one((await this.conventions.readOne(manager, id)) as ConventionRecord, manager);
    });
  }
}
