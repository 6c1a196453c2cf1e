import { Injectable } from '@nestjs/common';
import { OrganizationDirectory } from '@linli/organization';
import { AuditLog, AuthenticatedUser, Permission, ScopeService } from '@linli/platform';
import { CasesAccess } from '../../access/cases-access';
import { CasesRepository } from '../cases.repository';
import { RevealCaseDto } from '../dto/case-actions.dto';
import { RevealedCaseDto } from '../dto/case.dto';

/**
 * `POST /cases/:id/reveal { reason }` (cases.reveal at the case): every reporter, anonymous ones
 * included, and the parties to a dispute, by name. Each reveal is audited with its reason and the
 * people revealed, so that who looked, when and why can be answered.
 */
@Injectable()
export class RevealCaseUseCase {
  constructor(
    private readonly access: CasesAccess,
    private readonly cases: CasesRepository,
    private readonly directory: OrganizationDirectory,
    private readonly scope: ScopeService,
    private readonly audit: AuditLog,
  ) {}

  async execute(user: AuthenticatedUser, id: string, body: RevealCaseDto): Promise<RevealedCaseDto> {
    const row = await this.access.visible(user, id);
    this.scope.assertCanReach(user, Permission.CasesReveal, row.unit_path, '该案件');
    const reporters = ((await this.cases.reporters([row.id])).get(row.id) ?? []).map((r) => r.person_id);
    const names = await this.directory.people.names([...reporters, ...row.party_person_ids]);
    await this.audit.record({
      action: 'cases.identity-revealed',
      targetType: 'case',
      targetId: row.id,
      unitId: row.unit_id,
      unitPath: row.unit_path,
      data: { reason: body.reason, reporters, parties: row.party_person_ids },
    });
    const named = (personId: string) => ({ personId, name: names.get(personId) ?? '' });
    return { reporters: reporters.map(named), parties: row.party_person_ids.map(named) };
  }
}
