import { Injectable } from '@nestjs/common';
import { AuthenticatedUser } from '@linli/platform';
import { CaseEscalation } from '../case-escalation';
import { CaseTransitions } from '../case-transitions';
import { CasesCode, CasesException } from '../cases.exception';
import { CaseDto } from '../dto/case.dto';
import { CaseReasonDto } from '../dto/case-actions.dto';

/** `POST /cases/:id/escalate { reason }`: staff at the case send it to the next level (上报) before its time runs out. */
@Injectable()
export class EscalateCaseUseCase {
  constructor(
    private readonly transitions: CaseTransitions,
    private readonly escalation: CaseEscalation,
  ) {}

  execute(user: AuthenticatedUser, id: string, body: CaseReasonDto): Promise<CaseDto> {
    return this.transitions.run(user, id, 'escalate', async ({ row, manager, now }) => {
      const step = await this.escalation.step(manager, row, now, {
        reason: body.reason.trim(),
        userId: user.userId,
        automatic: false,
      });
      if (!step) throw new CasesException(CasesCode.Status, { detail: '该层级已上报' });
      return step;
    });
  }
}
