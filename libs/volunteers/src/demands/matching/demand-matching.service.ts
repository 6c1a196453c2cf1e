import { Injectable } from '@nestjs/common';
import { BusinessCalendar, Clock, queryRows } from '@linli/platform';
import { EntityManager } from 'typeorm';
import { AvailabilitySlot } from '../../profiles/volunteer-stage';
import { DemandRow } from '../demand-sql';
import { DemandMatchDto } from '../dto/demand-match.dto';
import { availabilitySlotAt } from './availability-slot';
import { CLOSENESS, matchReasons } from './match-reasons';

const DAY_MS = 24 * 3600 * 1000;
/** city.district.street: the first three labels of a path are always these kinds (see the organization's ALLOWED_PARENTS). */
const STREET_DEPTH = 3;

interface MatchRow {
  person_id: string;
  name: string;
  unit_id: string;
  unit_name: string;
  skills: string[];
  matched_names: string[];
  common_kind: string | null;
  available: boolean;
  recent_claims: string;
  rating_sum: number;
  rating_count: number;
  score: string;
  invited: boolean;
}

const closenessCase = Object.entries(CLOSENESS)
  .map(([kind, { points }]) => `WHEN '${kind}' THEN ${points}`)
  .join(' ');

/**
 * Ranks volunteer profiles for a demand in one set-based query. Candidates are the profiles whose
 * home unit lies in the demand's street (the units path index with a constant prefix), holding at
 * least one required skill (the GIN index on skills); the requester is left out. Score (0–100):
 * required skills covered 40, closeness 30 (deepest common unit: building > complex > grid >
 * community > street), free in the slot of the deadline (or of now) 10, recent load 10 (live claims
 * and claims in the last 30 days, 2 points off each), average rating 10 (5 without ratings).
 */
@Injectable()
export class DemandMatching {
  constructor(
    private readonly clock: Clock,
    private readonly calendar: BusinessCalendar,
  ) {}

  async rank(manager: EntityManager, demand: DemandRow, limit: number): Promise<DemandMatchDto[]> {
    const now = this.clock.now();
    const when = demand.deadline && new Date(demand.deadline) > now ? new Date(demand.deadline) : now;
    const slot: AvailabilitySlot = availabilitySlotAt(when, this.calendar.zone);
    const labels = demand.unit_path.split('.');
    const ancestors = labels.map((_, i) => labels.slice(0, i + 1).join('.'));
    const root = labels.slice(0, Math.min(STREET_DEPTH, labels.length)).join('.');
    const required = demand.required_skills;
    const rows = await queryRows<MatchRow>(
      manager,
      `WITH anc AS (SELECT path, kind, depth FROM units WHERE path = ANY ($1::text[])),
       candidates AS (
         SELECT vp.person_id, vp.unit_id, hu.name AS unit_name, hu.path AS home_path, vp.skills, vp.availability, vp.rating_sum, vp.rating_count
           FROM units hu
           JOIN volunteer_profiles vp ON vp.unit_id = hu.id
          WHERE (hu.path = $2 OR hu.path LIKE $3)
            AND (cardinality($4::varchar[]) = 0 OR vp.skills && $4::varchar[])
            AND vp.person_id <> $5
       ),
       scored AS (
         SELECT c.*,
                (SELECT a.kind FROM anc a WHERE c.home_path = a.path OR c.home_path LIKE a.path || '.%' ORDER BY a.depth DESC LIMIT 1) AS common_kind,
                ARRAY(SELECT s FROM unnest(c.skills) s WHERE s = ANY ($4::varchar[])) AS matched,
                ($6 = ANY (c.availability)) AS available,
                (SELECT count(*) FROM volunteer_demand_claims cl
                  WHERE cl.claimant_person_id = c.person_id AND (cl.status = 'live' OR cl.claimed_at >= $7)) AS recent_claims
           FROM candidates c
       ),
       ranked AS (
         SELECT s.*,
                round((CASE WHEN cardinality($4::varchar[]) = 0 THEN 40 ELSE 40.0 * cardinality(s.matched) / cardinality($4::varchar[]) END
                  + CASE s.common_kind ${closenessCase} ELSE 0 END
                  + CASE WHEN s.available THEN 10 ELSE 0 END
                  + GREATEST(0, 10 - 2 * s.recent_claims)
                  + CASE WHEN s.rating_count = 0 THEN 5 ELSE 2.0 * s.rating_sum / s.rating_count END)::numeric, 1) AS score
           FROM scored s
          ORDER BY score DESC, s.rating_count DESC, s.person_id
          LIMIT $9
       )
       -- Names, skill names and invitations only for the rows returned.
       SELECT r.person_id, p.name, r.unit_id, r.unit_name, r.skills, r.common_kind, r.available, r.recent_claims, r.rating_sum, r.rating_count, r.score,
              ARRAY(SELECT coalesce(k.name, m) FROM unnest(r.matched) WITH ORDINALITY AS u(m, o) LEFT JOIN volunteer_skills k ON k.code = u.m ORDER BY u.o) AS matched_names,
              EXISTS (SELECT 1 FROM volunteer_demand_invitations vi WHERE vi.demand_id = $8 AND vi.person_id = r.person_id) AS invited
         FROM ranked r
         JOIN people p ON p.id = r.person_id
        ORDER BY r.score DESC, r.rating_count DESC, r.person_id`,
      [ancestors, root, `${root}.%`, required, demand.requester_person_id, slot, new Date(now.getTime() - 30 * DAY_MS), demand.id, limit],
    );
    return rows.map((row) => ({
      personId: row.person_id,
      name: row.name,
      unitId: row.unit_id,
      unitName: row.unit_name,
      skills: row.skills,
      score: Number(row.score),
      reasons: matchReasons({
        matchedSkillNames: row.matched_names,
        requiredCount: required.length,
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
