import { Injectable } from '@nestjs/common';
import { AuthenticatedAccounts } from '../../auth/authenticated-accounts';
import { createHash } from 'node:crypto';
import { EntityManager } from 'typeorm';
import { AuditLog } from '../../audit/audit-log.service';
import { AuthenticatedUser } from '../../auth/authenticated-user';
import { Permission } from '../../auth/permissions';
import { ReferenceResolvers } from '../../auth/references/reference-resolvers';
import { ScopedReferences } from '../../auth/references/scoped-references';
import { Clock } from '../../clock/clock';
import { queryRows } from '../../database/query-rows';
import { TransactionRunner } from '../../database/transaction-runner';
import { NotFoundProblem } from '../../errors/common-problems';
import { AnonymisationDto } from '../dto/anonymisation.dto';
import { IdentityHolds } from '../identity-holds';
import { PersonalDataErasers } from '../personal-data-erasers';
import { PrivacyCode, PrivacyException } from '../privacy.problems';
import { pseudonymFor } from '../pseudonym';

interface DeactivatedAccount {
  id: string;
  unit_id: string | null;
  unit_path: string | null;
}

/**
 * Anonymises a person (PIPL erasure) for a holder of `people.manage` where the person resides (404
 * elsewhere). In one transaction: every domain's identity holds are asked (any → 409
 * `privacy.identity-still-needed`, listing them); every domain's eraser erases its personal data
 * (organization: name → pseudonym, phone, ID number, birth date… cleared), records stay under the
 * same person id; the linked account is deactivated (tokens die) and stripped of its display name
 * and username. Audited `privacy.person-anonymised` (field names, never values) and
 * `users.deactivated` per account. The kernel only orchestrates: each domain's SQL lives in it.
 */
@Injectable()
export class AnonymisePersonUseCase {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly references: ScopedReferences,
    private readonly resolvers: ReferenceResolvers,
    private readonly holds: IdentityHolds,
    private readonly erasers: PersonalDataErasers,
    private readonly audit: AuditLog,
    private readonly clock: Clock,
    private readonly accounts: AuthenticatedAccounts,
  ) {}

  async execute(caller: AuthenticatedUser, personId: string): Promise<AnonymisationDto> {
    // Without the module that registers people (organization) no person exists.
    if (!this.resolvers.has('person')) throw new NotFoundProblem('该人员');
    await this.references.reachOne(caller, Permission.PeopleManage, 'person', personId);
    const now = this.clock.now();
    const pseudonym = pseudonymFor(personId);
    const anonymised = await this.transactions.run(async (manager) => {
      const holds = await this.holds.holdsOf(personId, { manager, now });
      if (holds.length > 0) throw new PrivacyException(PrivacyCode.IdentityStillNeeded, { holds });
      const reports = await this.erasers.erasePerson(personId, { manager, now, pseudonym });
      const accounts = await this.deactivateAccounts(manager, personId);
      const unit = Object.values(reports).find((report) => report.unit)?.unit;
      const erased = Object.fromEntries(Object.entries(reports).map(([domain, report]) => [domain, report.erased]));
      await this.audit.record(
        {
          action: 'privacy.person-anonymised',
          targetType: 'person',
          targetId: personId,
          unitId: unit?.unitId ?? null,
          unitPath: unit?.unitPath ?? null,
          data: { pseudonym, erased, deactivatedAccountIds: accounts.map((account) => account.id) },
        },
        manager,
      );
      for (const account of accounts) {
        await this.audit.record(
          {
            action: 'users.deactivated',
            targetType: 'user',
            targetId: account.id,
            unitId: account.unit_id,
            unitPath: account.unit_path,
            data: { cause: 'privacy.person-anonymised', personId },
          },
          manager,
        );
      }
      const dto = new AnonymisationDto();
      dto.personId = personId;
      dto.pseudonym = pseudonym;
      dto.erased = erased;
      dto.deactivatedAccountIds = accounts.map((account) => account.id);
      return dto;
    });
    for (const accountId of anonymised.deactivatedAccountIds) this.accounts.forget(accountId);
    return anonymised;
  }

  /**
   * The person's account (kept, linked, for its history) loses what identifies the person: it is
   * deactivated with its tokens, its display name cleared, its username replaced. Only accounts
   * still active or still named are touched, so a second anonymisation changes nothing.
   */
  private async deactivateAccounts(manager: EntityManager, personId: string): Promise<DeactivatedAccount[]> {
    const accounts = await queryRows<{ id: string }>(manager, `SELECT id FROM users WHERE person_id = $1 FOR UPDATE`, [
      personId,
    ]);
    const changed: DeactivatedAccount[] = [];
    for (const { id } of accounts) {
      const username = `anonymised-${createHash('sha256').update(id).digest('hex').slice(0, 12)}`;
      const rows = await queryRows<DeactivatedAccount>(
        manager,
        `UPDATE users
            SET is_active = false, token_version = token_version + 1, display_name = NULL, username = $2,
                must_change_password = false, updated_at = now()
          WHERE id = $1 AND (is_active OR username <> $2 OR display_name IS NOT NULL)
          RETURNING id, unit_id, unit_path`,
        [id, username],
      );
      changed.push(...rows);
    }
    return changed;
  }
}
