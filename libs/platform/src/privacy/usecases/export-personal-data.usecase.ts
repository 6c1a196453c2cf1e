import { Injectable } from '@nestjs/common';
import { AuditLog } from '../../audit/audit-log.service';
import { AuthenticatedUser } from '../../auth/authenticated-user';
import { RoleGrantEntity } from '../../auth/entities/role-grant.entity';
import { UserEntity } from '../../auth/entities/user.entity';
import { Clock } from '../../clock/clock';
import { TransactionRunner } from '../../database/transaction-runner';
import { PersonalDataExportDto } from '../dto/personal-data-export.dto';
import { PersonalDataExporters } from '../personal-data-exporters';

/**
 * `GET /me/data`: the caller's account and, when it acts for a person, every domain's part about
 * that person, read in one REPEATABLE READ snapshot. Audited `privacy.data-exported` (the domains
 * exported, never the data) in the same transaction: no export leaves unrecorded.
 */
@Injectable()
export class ExportPersonalDataUseCase {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly exporters: PersonalDataExporters,
    private readonly audit: AuditLog,
    private readonly clock: Clock,
  ) {}

  execute(caller: AuthenticatedUser): Promise<PersonalDataExportDto> {
    const now = this.clock.now();
    return this.transactions.run(async (manager) => {
      const user = await manager.getRepository(UserEntity).findOneByOrFail({ id: caller.userId });
      const grants = await manager
        .getRepository(RoleGrantEntity)
        .find({ where: { userId: user.id }, order: { createdAt: 'ASC', id: 'ASC' } });
      const domains = user.personId ? await this.exporters.exportPerson(user.personId, { manager, now }) : {};
      await this.audit.record(
        {
          action: 'privacy.data-exported',
          targetType: user.personId ? 'person' : 'user',
          targetId: user.personId ?? user.id,
          unitId: user.unitId,
          unitPath: user.unitPath,
          data: { domains: Object.keys(domains) },
        },
        manager,
      );
      const dto = new PersonalDataExportDto();
      dto.exportedAt = now.toISOString();
      dto.account = {
        id: user.id,
        username: user.username,
        displayName: user.displayName,
        unitId: user.unitId,
        isActive: user.isActive,
        createdAt: user.createdAt.toISOString(),
        grants: grants.map((grant) => ({ role: grant.role, unitId: grant.unitId })),
      };
      dto.personId = user.personId;
      dto.domains = domains;
      return dto;
    }, 'REPEATABLE READ');
  }
}
