import { Injectable } from '@nestjs/common';
import { OrganizationDirectory } from '@linli/organization';
import { AuthenticatedUser, Permission, ScopeService } from '@linli/platform';
import { CaseRankingListDto, CaseRankingsQueryDto, CaseRatesDto } from './dto/case-rates.dto';
import { RankingsRepository } from './rankings.repository';

/** The monthly rankings as stored by `cases.monthly-ranking`, the rows in the caller's scope with their deployment-wide rank. */
@Injectable()
export class RankingsService {
  constructor(
    private readonly rankings: RankingsRepository,
    private readonly directory: OrganizationDirectory,
    private readonly scope: ScopeService,
  ) {}

  async list(user: AuthenticatedUser, query: CaseRankingsQueryDto): Promise<CaseRankingListDto> {
    const unitPath = query.unitId
      ? await this.scope.reachableUnitPath(user, Permission.CasesRead, query.unitId)
      : undefined;
    const rows = await this.rankings.list(this.scope.condition('k.unit_path', user, Permission.CasesRead), {
      period: query.period,
      kind: query.kind ?? 'community',
      unitPath,
    });
    const units = await this.directory.units.byIds(rows.map((row) => row.unit_id));
    return {
      period: query.period,
      items: rows.map((row) => ({
        unitId: row.unit_id,
        unitName: units.get(row.unit_id)?.name ?? '',
        kind: row.kind,
        rank: row.rank,
        ranked: row.ranked,
        score: row.score === null ? null : Number(row.score),
        figures: row.figures as unknown as CaseRatesDto,
      })),
    };
  }
}
