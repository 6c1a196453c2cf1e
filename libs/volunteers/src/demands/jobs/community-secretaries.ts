import { Injectable } from '@nestjs/common';
import { queryRows } from '@linli/platform';
import { EntityManager } from 'typeorm';

/** city.district.street.community: the first four labels of a path are always these kinds (see the organization's ALLOWED_PARENTS). */
const COMMUNITY_DEPTH = 4;

/** The community path of a unit path (the path itself above community level). */
export function communityPathOf(unitPath: string): string {
  return unitPath.split('.').slice(0, COMMUNITY_DEPTH).join('.');
}

/**
 * Who answers for a community's demands: the active users holding the secretary role at the
 * community itself or, when nobody does, at its nearest ancestor that has one (a street's
 * secretary covers its communities without one). Read from the platform's role grants.
 */
@Injectable()
export class CommunitySecretaries {
  async byCommunity(manager: EntityManager, communityPaths: string[]): Promise<Map<string, string[]>> {
    const result = new Map<string, string[]>();
    if (communityPaths.length === 0) return result;
    const rows = await queryRows<{ community: string; user_id: string; grant_path: string | null }>(
      manager,
      `SELECT c.path AS community, g.user_id, g.unit_path AS grant_path
         FROM unnest($1::text[]) AS c(path)
         JOIN role_grants g ON g.role = 'secretary' AND (g.unit_path IS NULL OR c.path = g.unit_path OR c.path LIKE g.unit_path || '.%')
         JOIN users u ON u.id = g.user_id AND u.is_active`,
      [[...new Set(communityPaths)]],
    );
    const nearest = new Map<string, number>();
    for (const row of rows) {
      const depth = row.grant_path === null ? 0 : row.grant_path.split('.').length;
      const best = nearest.get(row.community) ?? -1;
      if (depth > best) {
        nearest.set(row.community, depth);
        result.set(row.community, [row.user_id]);
      } else if (depth === best) {
        const users = result.get(row.community) as string[];
        if (!users.includes(row.user_id)) users.push(row.user_id);
      }
    }
    for (const users of result.values()) users.sort();
    return result;
  }
}
