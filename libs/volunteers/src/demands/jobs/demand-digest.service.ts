import { Injectable } from '@nestjs/common';
import { Period, queryRows } from '@linli/platform';
import { DataSource } from 'typeorm';
import { DemandsNotifier } from '../demands-notifier';
import { DemandsTemplate } from '../demands-templates';
import { CommunitySecretaries } from './community-secretaries';

const TOP_TITLES = 5;

/**
 * The weekly digest: one summary per community with open demands (count and the titles due
 * first), computed in one grouped query and sent to that community's secretaries. Never one message
 * per demand or per volunteer; the dedupe key (week, community, recipient) makes a rerun harmless.
 */
@Injectable()
export class DemandDigest {
  constructor(
    private readonly dataSource: DataSource,
    private readonly secretaries: CommunitySecretaries,
    private readonly notifier: DemandsNotifier,
  ) {}

  async send(period: Period): Promise<{ communities: number; notified: number }> {
    const communities = await queryRows<{ id: string; name: string; path: string; open_count: string; titles: string[] }>(
      this.dataSource.manager,
      `SELECT c.id, c.name, c.path, count(*) AS open_count,
              (array_agg(d.title ORDER BY d.deadline ASC NULLS LAST, d.created_at, d.id))[1:${TOP_TITLES}] AS titles
         FROM volunteer_demands d
         JOIN units u ON u.id = d.unit_id
         JOIN units c ON c.kind = 'community' AND c.path = array_to_string((string_to_array(u.path, '.'))[1:4], '.')
        WHERE d.status = 'open'
        GROUP BY c.id, c.name, c.path
        ORDER BY c.path`,
      [],
    );
    const recipients = await this.secretaries.byCommunity(this.dataSource.manager, communities.map((community) => community.path));
    const jobs = communities.flatMap((community) => {
      const count = Number(community.open_count);
      const titles = community.titles.map((title) => `「${title}」`).join('、') + (count > community.titles.length ? '等' : '');
      return (recipients.get(community.path) ?? []).map((userId) => ({
        recipient: { userId },
        templateKey: DemandsTemplate.WeeklyDigest,
        data: { communityName: community.name, count, titles },
        dedupeKey: `${DemandsTemplate.WeeklyDigest}:${period.key}:${community.id}:${userId}`,
      }));
    });
    await this.notifier.many(jobs);
    return { communities: communities.length, notified: jobs.length };
  }
}
