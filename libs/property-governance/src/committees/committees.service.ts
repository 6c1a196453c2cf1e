import { Injectable } from '@nestjs/common';
import { AuthenticatedUser, decodeTimeIdCursor, encodeCursor, NotFoundProblem } from '@linli/platform';
import { PropertyAccess } from '../access/property-access';
import { CommitteeViews } from './committee-views';
import { CommitteesRepository } from './committees.repository';
import { PropertyCommitteeDto, PropertyCommitteePageDto } from './dto/property-committee.dto';
import { PropertyCommitteesQueryDto } from './dto/property-committees-query.dto';

const WHAT = '该业主委员会';

/** Reads of owners' committees: staff in their property.read scope, owners of the complex. */
@Injectable()
export class CommitteesService {
  constructor(
    private readonly committees: CommitteesRepository,
    private readonly views: CommitteeViews,
    private readonly access: PropertyAccess,
  ) {}

  async list(user: AuthenticatedUser, query: PropertyCommitteesQueryDto): Promise<PropertyCommitteePageDto> {
    const limit = query.limit ?? 20;
    const rows = await this.committees.page(await this.access.visibility(user, 'c.unit_path'), {
      complexId: query.complexId,
      status: query.status,
      after: query.cursor ? decodeTimeIdCursor(query.cursor) : undefined,
      limit,
    });
    const page = rows.slice(0, limit);
    const last = page[page.length - 1];
    return {
      items: await this.views.views(undefined, page),
      nextCursor: rows.length > limit && last ? encodeCursor([last.created_at.toISOString(), last.id]) : null,
    };
  }

  async get(user: AuthenticatedUser, id: string): Promise<PropertyCommitteeDto> {
    const row = await this.committees.readOne(undefined, id);
    if (!row) throw new NotFoundProblem(WHAT);
    await this.access.assertCanSee(user, row.unit_path, WHAT);
    return this.views.view(undefined, row);
  }
}
