import { Injectable } from '@nestjs/common';
import { descendantsPattern, queryRows } from '@linli/platform';
import { EntityManager } from 'typeorm';
import { MatchRow, RankInput } from '../demand-rows';
import { CLOSENESS } from './match-reasons';

const CLOSENESS_CASE = Object.entries(CLOSENESS)
  .map(([kind, { points }]) => `WHEN '${kind}' THEN ${points}`)
  .join(' ');

/** The demands area's ranking query: volunteer profiles scored for a demand. */
@Injectable()
export class DemandMatchingRepository {
  /**
   * Ranks volunteer profiles for a demand in one set-based query (see `DemandMatching` for the
   * score): candidates by their profile's own unit-path copy within `withinPath` (its pattern index)
   * holding a required skill (the GIN index), ranked and limited first; skill names and invitations
   * only for the rows returned.
   */
  rankVolunteers(manager: EntityManager, input: RankInput): Promise<MatchRow[]> {
    return queryRows<MatchRow>(
      manager,
      `WITH anc AS (SELECT * FROM unnest($1::text[], $2::varchar[], $3::integer[]) AS a (path, kind, depth)),
       candidates AS (
         SELECT vp.person_id, vp.unit_id, vp.unit_path AS home_path, vp.skills, vp.availability, vp.rating_sum, vp.rating_count
           FROM volunteer_profiles vp
          WHERE (vp.unit_path = $4 OR vp.unit_path LIKE $5)
            AND (cardinality($6::varchar[]) = 0 OR vp.skills && $6::varchar[])
            AND vp.person_id <> $7
       ),
       scored AS (
         SELECT c.*,
                (SELECT a.kind FROM anc a WHERE c.home_path = a.path OR c.home_path LIKE a.path || '.%' ORDER BY a.depth DESC LIMIT 1) AS common_kind,
                ARRAY(SELECT s FROM unnest(c.skills) s WHERE s = ANY ($6::varchar[])) AS matched,
                ($8 = ANY (c.availability)) AS available,
                (SELECT count(*) FROM volunteer_demand_claims cl
                  WHERE cl.claimant_person_id = c.person_id AND (cl.status = 'live' OR cl.claimed_at >= $9)) AS recent_claims
           FROM candidates c
       ),
       ranked AS (
         SELECT s.*,
                round((CASE WHEN cardinality($6::varchar[]) = 0 THEN 40 ELSE 40.0 * cardinality(s.matched) / cardinality($6::varchar[]) END
                  + CASE s.common_kind ${CLOSENESS_CASE} ELSE 0 END
                  + CASE WHEN s.available THEN 10 ELSE 0 END
                  + GREATEST(0, 10 - 2 * s.recent_claims)
                  + CASE WHEN s.rating_count = 0 THEN 5 ELSE 2.0 * s.rating_sum / s.rating_count END)::numeric, 1) AS score
           FROM scored s
          ORDER BY score DESC, s.rating_count DESC, s.person_id
          LIMIT $11
       )
       SELECT r.person_id, r.unit_id, r.skills, r.common_kind, r.available, r.recent_claims, r.rating_sum, r.rating_count, r.score,
              ARRAY(SELECT coalesce(k.name, m) FROM unnest(r.matched) WITH ORDINALITY AS u(m, o) LEFT JOIN volunteer_skills k ON k.code = u.m ORDER BY u.o) AS matched_names,
              EXISTS (SELECT 1 FROM volunteer_demand_invitations vi WHERE vi.demand_id = $10 AND vi.person_id = r.person_id) AS invited
         FROM ranked r
        ORDER BY r.score DESC, r.rating_count DESC, r.person_id`,
      [
        input.ancestors.map((a) => a.path),
        input.ancestors.map((a) => a.kind),
        input.ancestors.map((a) => a.depth),
        input.withinPath,
        descendantsPattern(input.withinPath),
        input.requiredSkills,
        input.requesterPersonId,
        input.slot,
        input.recentSince,
        input.demandId,
        input.limit,
      ],
    );
  }
}
