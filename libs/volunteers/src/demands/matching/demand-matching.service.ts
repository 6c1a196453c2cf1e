import { Injectable } from '@nestjs/common';
import { enclosingPath, OrganizationDirectory } from '@linli/organization';
import { BusinessCalendar, Clock } from '@linli/platform';
import { EntityManager } from 'typeorm';
import { AvailabilitySlot } from '../../profiles/volunteer-stage';
import { DemandRow } from '../demand-rows';
import { DemandMatchDto } from '../dto/demand-match.dto';
import { availabilitySlotAt } from './availability-slot';
import { DemandMatchingRepository } from './demand-matching.repository';
import { matchReasons } from './match-reasons';

const DAY_MS = 24 * 3600 * 1000;

/**
 * Ranks volunteer profiles for a demand: one ranking query on the module's own tables, between
 * two reads of organization's directory. Candidates are the profiles whose home unit (the profile's
 * own path copy) lies in the demand's street, holding at least one required skill; the requester
 * is left out. Score (0–100): required skills covered 40, closeness 30 (deepest common unit:
 * building > complex > grid > community > street, from the demand's ancestors in the directory),
 * free in the slot of the deadline (or of now) 10, recent load 10 (live claims and claims in the
 * last 30 days, 2 points off each), average rating 10 (5 without ratings). Names of the people and
 * home units ranked come from the directory afterwards, for the rows returned only.
 */
@Injectable()
export class DemandMatching {
  constructor(
    private readonly repository: DemandMatchingRepository,
    private readonly directory: OrganizationDirectory,
    private readonly clock: Clock,
    private readonly calendar: BusinessCalendar,
  ) {}

  async rank(manager: EntityManager, demand: DemandRow, limit: number): Promise<DemandMatchDto[]> {
    const now = this.clock.now();
    const when = demand.deadline && new Date(demand.deadline) > now ? new Date(demand.deadline) : now;
    const slot: AvailabilitySlot = availabilitySlotAt(when, this.calendar.zone);
    const ancestors = (await this.directory.units.ancestors([demand.unit_path], manager)).get(demand.unit_path) ?? [];
    const rows = await this.repository.rankVolunteers(manager, {
      demandId: demand.id,
      requesterPersonId: demand.requester_person_id,
      ancestors: ancestors.map((unit) => ({ path: unit.path, kind: unit.kind, depth: unit.depth })),
      withinPath: enclosingPath(demand.unit_path, 'street') ?? demand.unit_path,
      requiredSkills: demand.required_skills,
      slot,
      recentSince: new Date(now.getTime() - 30 * DAY_MS),
      limit,
    });
    if (rows.length === 0) return [];
    const [names, units] = await Promise.all([
      this.directory.people.names(
        rows.map((row) => row.person_id),
        manager,
      ),
      this.directory.units.byIds(
        rows.map((row) => row.unit_id),
        manager,
      ),
    ]);
    return rows.map((row) => ({
      personId: row.person_id,
      name: names.get(row.person_id) ?? '',
      unitId: row.unit_id,
      unitName: units.get(row.unit_id)?.name ?? '',
      skills: row.skills,
      score: Number(row.score),
      reasons: matchReasons({
        matchedSkillNames: row.matched_names,
        requiredCount: demand.required_skills.length,
        commonKind: row.common_kind,
        available: row.available,
        slot,
        recentClaims: Number(row.recent_claims),
        ratingSum: Number(row.rating_sum),
        ratingCount: Number(row.rating_count),
      }),
      invited: row.invited,
    }));
  }
}
