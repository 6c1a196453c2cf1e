import { Injectable } from '@nestjs/common';
import { AuthenticatedUser, Clock, Permission, ScopeService } from '@linli/platform';
import { CasesAccess } from '../access/cases-access';
import { CaseViews } from './case-views';
import { CasesRepository } from './cases.repository';
import { CaseDto, CasePageDto, CasesQueryDto, CaseStepListDto } from './dto/case.dto';

/** Reads of cases: one, a page (newest first, filtered), and a case's steps. */
@Injectable()
export class CasesService {
  constructor(
    private readonly access: CasesAccess,
    private readonly cases: CasesRepository,
    private readonly views: CaseViews,
    private readonly scope: ScopeService,
    private readonly clock: Clock,
  ) {}

  async one(user: AuthenticatedUser, id: string): Promise<CaseDto> {
    return this.views.one(user, await this.access.visible(user, id));
  }

  async steps(user: AuthenticatedUser, id: string): Promise<CaseStepListDto> {
    const row = await this.access.visible(user, id);
    return {
      items: (await this.cases.steps(row.id)).map((step) => ({
        action: step.action,
        fromStatus: step.from_status,
        toStatus: step.to_status,
        level: step.level,
        userId: step.user_id,
        note: step.note,
        data: step.data,
        at: step.at.toISOString(),
      })),
    };
  }

  async list(user: AuthenticatedUser, query: CasesQueryDto): Promise<CasePageDto> {
    const unitPath = query.unitId
      ? await this.scope.reachableUnitPath(user, Permission.CasesRead, query.unitId)
      : undefined;
    const page = await this.cases.page(
      this.access.visibility(user),
      {
        unitPath,
        status: query.status,
        type: query.type,
        channel: query.channel,
        level: query.level,
        overdueAt: query.overdue === 'true' ? this.clock.now() : undefined,
      },
      query,
    );
    return { items: await this.views.many(user, page.items), nextCursor: page.nextCursor };
  }
}
