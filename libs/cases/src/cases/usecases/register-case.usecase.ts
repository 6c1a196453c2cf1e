import { Injectable } from '@nestjs/common';
import { AuthenticatedUser, Permission, ScopedReferences } from '@linli/platform';
import { selfAuthorization } from '../../shared.exception';
import { CaseRegistration } from '../case-registration';
import { CaseRow } from '../case-record';
import { CaseTransitions } from '../case-transitions';
import { CasesCode, CasesException } from '../cases.exception';
import { CasesRepository } from '../cases.repository';
import { CaseDto } from '../dto/case.dto';
import { RejectCaseDto } from '../dto/case-actions.dto';

/**
 * Acceptance of a reported case: `register` (立案; nobody registers a case they reported) or
 * `reject` (不予受理). A duplicate names the case it duplicates: its reporters join that case
 * (merged, every reporter kept), and it earns nothing (a rejected case is never registered).
 */
@Injectable()
export class RegisterCaseUseCase {
  constructor(
    private readonly transitions: CaseTransitions,
    private readonly registration: CaseRegistration,
    private readonly cases: CasesRepository,
    private readonly references: ScopedReferences,
  ) {}

  register(user: AuthenticatedUser, id: string): Promise<CaseDto> {
    return this.transitions.run(user, id, 'register', ({ row, manager, now }) => {
      if (user.personId && row.reporter_person_id === user.personId)
        throw selfAuthorization('不能为本人反映的问题立案，请由其他工作人员办理');
      return this.registration.step(manager, row, now);
    });
  }

  async reject(user: AuthenticatedUser, id: string, body: RejectCaseDto): Promise<CaseDto> {
    if (body.reason === 'duplicate') {
      if (!body.duplicateOfId || body.duplicateOfId === id) throw new CasesException(CasesCode.Duplicate);
      await this.references.reachOne(user, Permission.CasesHandle, 'case', body.duplicateOfId);
    }
    return this.transitions.run(user, id, 'reject', async ({ row, manager, now }) => {
      let merged = 0;
      if (body.reason === 'duplicate') {
        const original = (await this.cases.readOne(manager, body.duplicateOfId as string, true)) as CaseRow;
        if (original.status === 'rejected') throw new CasesException(CasesCode.Duplicate);
        merged = await this.cases.mergeReporters(manager, original.id, row.id, now);
      }
      return {
        to: 'rejected',
        patch: {
          rejected_at: now,
          reject_reason: body.reason,
          duplicate_of_id: body.reason === 'duplicate' ? (body.duplicateOfId as string) : null,
          responded_at: row.responded_at ?? now,
        },
        note: body.note ?? null,
        data: { reason: body.reason, duplicateOfId: body.duplicateOfId ?? null, reportersMerged: merged },
      };
    });
  }
}
