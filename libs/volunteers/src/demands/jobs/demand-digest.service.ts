import { Injectable } from '@nestjs/common';
import { FIXED_KIND_DEPTH, OrganizationDirectory } from '@linli/organization';
import { AccountsDirectory, Period, TransactionRunner } from '@linli/platform';
import { DemandsNotifier } from '../demands-notifier';
import { DemandsTemplate } from '../demands-templates';
import { DemandJobsRepository } from './demand-jobs.repository';

const TOP_TITLES = 5;

/**
 * The weekly digest: one summary per community with open demands (count and the titles due
 * first), computed in one grouped query on the demands' own path copies and sent to that
 * community's secretaries (the nearest holders of the role, `AccountsDirectory`). Never one message
 * per demand or per volunteer; the dedupe key (week, community, recipient) makes a rerun harmless.
 */
@Injectable()
export class DemandDigest {
  constructor(
    private readonly jobsRepository: DemandJobsRepository,
    private readonly directory: OrganizationDirectory,
    private readonly accounts: AccountsDirectory,
    private readonly notifier: DemandsNotifier,
    private readonly transactions: TransactionRunner,
  ) {}

  async send(period: Period): Promise<{ communities: number; notified: number }> {
    const groups = await this.jobsRepository.openByCommunity(FIXED_KIND_DEPTH.community, TOP_TITLES);
    const units = await this.directory.units.byPaths(groups.map((group) => group.community_path));
    const communities = groups.flatMap((group) => {
      const unit = units.get(group.community_path);
      return unit && unit.kind === 'community' ? [{ ...group, id: unit.id, name: unit.name }] : [];
    });
    const recipients = await this.accounts.nearestRoleHolders(
      'secretary',
      communities.map((community) => community.community_path),
    );
    const jobs = communities.flatMap((community) => {
      const count = Number(community.open_count);
      const titles =
        community.titles.map((title) => `「${title}」`).join('、') + (count > community.titles.length ? '等' : '');
      return (recipients.get(community.community_path) ?? []).map((userId) => ({
        recipient: { userId },
        templateKey: DemandsTemplate.WeeklyDigest,
        data: { communityName: community.name, count, titles },
        dedupeKey: `${DemandsTemplate.WeeklyDigest}:${period.key}:${community.id}:${userId}`,
      }));
    });
    await this.transactions.run((manager) => this.notifier.many(manager, jobs));
    return { communities: communities.length, notified: jobs.length };
  }
}
