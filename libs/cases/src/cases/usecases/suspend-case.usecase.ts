import { Injectable } from '@nestjs/common';
import { AuthenticatedUser } from '@linli/platform';
import { CaseStatus } from '../case-flow';
import { CaseTransitions } from '../case-transitions';
import { CaseDto } from '../dto/case.dto';
import { CaseReasonDto } from '../dto/case-actions.dto';

/**
 * Suspension (挂起) stops the clock: on resuming, the case returns to the status it was in and both
 * its deadlines move by the time it was suspended (kept in `suspended_ms`).
 */
@Injectable()
export class SuspendCaseUseCase {
  constructor(private readonly transitions: CaseTransitions) {}

  suspend(user: AuthenticatedUser, id: string, body: CaseReasonDto): Promise<CaseDto> {
    return this.transitions.run(user, id, 'suspend', ({ row, now }) => ({
      to: 'suspended',
      patch: { suspended_from: row.status, suspended_at: now },
      note: body.reason.trim(),
    }));
  }

  resume(user: AuthenticatedUser, id: string): Promise<CaseDto> {
    return this.transitions.run(user, id, 'resume', ({ row, now }) => {
      const stopped = now.getTime() - (row.suspended_at as Date).getTime();
      const later = (due: Date | null) => (due ? new Date(due.getTime() + stopped) : null);
      return {
        to: row.suspended_from as CaseStatus,
        patch: {
          suspended_from: null,
          suspended_at: null,
          suspended_ms: Number(row.suspended_ms) + stopped,
          resolve_due_at: later(row.resolve_due_at),
          level_due_at: later(row.level_due_at),
          warned_at: null,
        },
        data: { suspendedMs: stopped },
      };
    });
  }
}
