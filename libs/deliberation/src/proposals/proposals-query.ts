import { Injectable } from '@nestjs/common';
import { OrganizationDirectory } from '@linli/organization';
import {
  AuthenticatedUser,
  decodeTimeIdCursor,
  encodeCursor,
  hasPermission,
  NotFoundProblem,
  Permission,
} from '@linli/platform';
import { DeliberationAccess } from '../access/deliberation-access';
import { ProposalDto, ProposalPageDto } from './dto/proposal.dto';
import { ProposalsQueryDto } from './dto/proposals-query.dto';
import { ProposalAccess } from './proposal-access';
import { ProposalViews } from './proposal-views';
import { ProposalsRepository } from './proposals.repository';

/** Reads proposals: one the caller may see, or a page of them, newest first. */
@Injectable()
export class ProposalsQuery {
  constructor(
    private readonly proposals: ProposalsRepository,
    private readonly proposalAccess: ProposalAccess,
    private readonly access: DeliberationAccess,
    private readonly directory: OrganizationDirectory,
    private readonly views: ProposalViews,
  ) {}

  async get(user: AuthenticatedUser, id: string): Promise<ProposalDto> {
    return this.views.one(user, await this.proposalAccess.visible(user, id));
  }

  /**
   * Staff: proposals in their deliberation.read scope; residents: those at the unit they live in
   * and at the units above it. `unitId` narrows to a subtree (404 for staff outside their scope).
   */
  async list(user: AuthenticatedUser, query: ProposalsQueryDto): Promise<ProposalPageDto> {
    let unitPath: string | undefined;
    if (query.unitId) {
      const unit = (await this.directory.units.byIds([query.unitId])).get(query.unitId);
      if (!unit) throw new NotFoundProblem('该单位');
      if (hasPermission(user, Permission.DeliberationRead) && !(await this.access.canSee(user, unit.path)))
        throw new NotFoundProblem('该单位');
      unitPath = unit.path;
    }
    const limit = query.limit ?? 20;
    const rows = await this.proposals.list(await this.access.visibility(user, 'p.unit_path'), {
      unitPath,
      status: query.status,
      after: query.cursor ? decodeTimeIdCursor(query.cursor) : undefined,
      limit,
    });
    const page = rows.slice(0, limit);
    const last = page[page.length - 1];
    return {
      items: await this.views.many(user, page),
      nextCursor: rows.length > limit && last ? encodeCursor([last.createdAt.toISOString(), last.id]) : null,
    };
  }
}
