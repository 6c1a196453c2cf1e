import { Injectable } from '@nestjs/common';
import { AuthenticatedUser, BusinessCalendar, Clock, decodeCursor, encodeCursor } from '@linli/platform';
import { DataSource, EntityManager } from 'typeorm';
import { AnalyticsUnits } from '../analytics/analytics-unit';
import { StructureCheckPageDto, StructureFindingDto } from './dto/structure-check-page.dto';
import { StructureCheckQueryDto } from './dto/structure-check-query.dto';
import { StructureCandidatesQuery } from './structure-candidates.query';
import { STRUCTURE_CHECK_RULES } from './structure-check-rule';
import { evaluateStructure, findingSortKey, StructureFinding } from './structure-evaluator';
import { StructureRulesSource } from './structure-rules.source';

/**
 * The structure check of a subtree (docs/modules/organization/structure-check.md): the rules of
 * DOMAIN.md §2 with the deployment's thresholds, as of a business day.
 */
@Injectable()
export class StructureCheckService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly units: AnalyticsUnits,
    private readonly rules: StructureRulesSource,
    private readonly candidates: StructureCandidatesQuery,
    private readonly clock: Clock,
    private readonly calendar: BusinessCalendar,
  ) {}

  /** Every finding in the subtree at `scopePath` as of `today` (`YYYY-MM-DD`), in listing order. */
  async findings(
    scopePath: string,
    today: string,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<StructureFinding[]> {
    const rules = await this.rules.current(manager);
    return evaluateStructure(await this.candidates.find(manager, scopePath, today, rules), rules);
  }

  /** Today in the business time zone. */
  today(): string {
    return this.calendar.localDate(this.clock.now());
  }

  /** `GET /units/:id/structure-check`: computed live, paginated (each page recomputes; the order is stable). */
  async check(user: AuthenticatedUser, unitId: string, query: StructureCheckQueryDto): Promise<StructureCheckPageDto> {
    const unit = await this.units.reachable(user, unitId);
    const asOf = this.today();
    const all = await this.findings(unit.path, asOf);
    const totals = Object.fromEntries(STRUCTURE_CHECK_RULES.map((rule) => [rule, 0])) as Record<string, number>;
    for (const finding of all) totals[finding.rule] += 1;
    let selected = query.rule ? all.filter((finding) => finding.rule === query.rule) : all;
    if (query.cursor) {
      const [rank, key] = decodeCursor(query.cursor, 2);
      selected = selected.filter((finding) => {
        const [r, k] = findingSortKey(finding);
        return r > Number(rank) || (r === Number(rank) && k > String(key));
      });
    }
    const limit = query.limit ?? 20;
    const page = selected.slice(0, limit);
    const last = page[page.length - 1];
    return {
      asOf,
      items: page.map((finding) => StructureFindingDto.from(finding)),
      nextCursor: selected.length > limit && last ? encodeCursor(findingSortKey(last)) : null,
      totals,
    };
  }
}
