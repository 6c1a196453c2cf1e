import { Injectable } from '@nestjs/common';
import { AuditLog, AuthenticatedUser, Permission, TransactionRunner } from '@linli/platform';
import { ConventionAccess } from '../convention-access';
import { ConventionRecord } from '../convention-record';
import { ConventionViews } from '../convention-views';
import { ConventionsCode, ConventionsException } from '../conventions.exception';
import { ConventionsRepository } from '../conventions.repository';
import { ConventionDto } from '../dto/convention.dto';
import { ConventionFilingDto } from '../dto/convention-decision.dto';

/** `POST /deliberation/conventions/:id/filing`: the filing of an adopted convention with the district (备案), once. */
@Injectable()
export class FileConventionUseCase {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly access: ConventionAccess,
    private readonly conventions: ConventionsRepository,
    private readonly views: ConventionViews,
    private readonly audit: AuditLog,
  ) {}

  async execute(user: AuthenticatedUser, id: string, command: ConventionFilingDto): Promise<ConventionDto> {
    await this.access.staff(user, Permission.DeliberationDecide, id);
    return this.transactions.run(async (manager) => {
      const convention = (await this.conventions.readOne(manager, id, { lock: true })) as ConventionRecord;
      if (convention.filedOn !== null) throw new ConventionsException(ConventionsCode.Filed);
      if (convention.status !== 'adopted')
        throw new ConventionsException(ConventionsCode.Status, { detail: '只有现行有效的居民公约可以备案' });
      const reference = command.reference.trim();
      await this.conventions.file(manager, id, command.filedOn, reference);
      await this.audit.record(
        {
          action: 'deliberation.convention-filed',
          targetType: 'deliberation-convention',
          targetId: id,
          unitId: convention.unitId,
          unitPath: convention.unitPath,
          data: { version: convention.version, filedOn: command.filedOn, reference },
        },
        manager,
      );
      return this.views.one((await this.conventions.readOne(manager, id)) as ConventionRecord, manager);
    });
  }
}
