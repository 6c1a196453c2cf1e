import { Injectable } from '@nestjs/common';
import { CommunitySecretaries, OrganizationDirectory } from '@linli/organization';
import { AuditLog, BusinessCalendar, NotificationOutbox, Outbox, queryRows, TransactionRunner } from '@linli/platform';
import { DateTime } from 'luxon';
import { EntityManager } from 'typeorm';
import { PropertyEvent } from '../property-events';
import { complexScore, gradeOf, RaterKind, RECTIFICATION_DAYS } from './evaluation-defaults';
import { ranksWithin } from './evaluation-ranking';
import { CampaignRecord, EvaluationsRepository, NewResult } from './evaluations.repository';
import { EvaluationsTemplate } from './evaluations-templates';
import { RectificationsRepository } from './rectifications.repository';

const BATCH = 20;

/**
 * Publishing a campaign (by staff, or by the job once closes_at has passed), once: the campaign row
 * is locked and the update guarded on `status = 'open'`. Per complex rated: each rating's total is
 * Σ category weight × score (fixed at rating time); the complex's score is Σ over the rater kinds
 * that rated (kind weight × the mean of that kind's totals), the weights renormalised over those
 * kinds; the grade from the table; standard competition ranks (1, 2, 2, 4) within its street and
 * its district, ties listed by name. Below `rectificationBelow`: a rectification order with the
 * deadline published + 30 days (business-local date), `property.rectification.ordered`, and the
 * community secretary told; the campaign publishes `property.evaluation.published`.
 */
@Injectable()
export class EvaluationPublishing {
  constructor(
    private readonly campaigns: EvaluationsRepository,
    private readonly rectifications: RectificationsRepository,
    private readonly directory: OrganizationDirectory,
    private readonly secretaries: CommunitySecretaries,
    private readonly calendar: BusinessCalendar,
    private readonly transactions: TransactionRunner,
    private readonly audit: AuditLog,
    private readonly outbox: Outbox,
    private readonly notifications: NotificationOutbox,
  ) {}

  /** Publishes the campaign (locked FOR UPDATE by the caller); false when it was published already. */
  async publish(
    manager: EntityManager,
    campaign: CampaignRecord,
    by: { userId: string | null; job?: string },
    now: Date,
  ): Promise<boolean> {
    if (!(await this.campaigns.markPublished(manager, campaign.id, now))) return false;
    const ratings = await this.campaigns.ratings(manager, campaign.id);
    const byComplex = new Map<string, { companyId: string; totals: Partial<Record<RaterKind, number[]>> }>();
    for (const rating of ratings) {
      const entry = byComplex.get(rating.complex_id) ?? { companyId: rating.company_id, totals: {} };
      entry.companyId = rating.company_id; // the latest rating's company (the contract when rated last)
      const kind = rating.rater_kind as RaterKind;
      entry.totals[kind] = [...(entry.totals[kind] ?? []), Number(rating.total)];
      byComplex.set(rating.complex_id, entry);
    }
    const units = await this.directory.units.byIds([...byComplex.keys()], manager);
    const paths = [...units.values()].map((unit) => unit.path);
    const streets = await this.directory.units.enclosing(paths, 'street', manager);
    const districts = await this.directory.units.enclosing(paths, 'district', manager);
    const scored = [...byComplex.entries()].flatMap(([complexId, entry]) => {
      const unit = units.get(complexId);
      const score = complexScore(entry.totals, campaign.raterWeights);
      if (!unit || score === undefined) return [];
      return [{ id: complexId, name: unit.name, path: unit.path, score, ...entry }];
    });
    const streetRanks = ranksWithin(scored.map((item) => ({ ...item, group: streets.get(item.path)?.id })));
    const districtRanks = ranksWithin(scored.map((item) => ({ ...item, group: districts.get(item.path)?.id })));
    const results: NewResult[] = scored.map((item) => ({
      complex_id: item.id,
      unit_path: item.path,
      company_id: item.companyId,
      score: item.score,
      grade: gradeOf(item.score),
      raters: Object.fromEntries(
        Object.entries(item.totals).map(([kind, totals]) => [
          kind,
          { count: totals.length, mean: Math.round((totals.reduce((a, b) => a + b, 0) / totals.length) * 100) / 100 },
        ]),
      ),
      street_rank: streetRanks.get(item.id) ?? null,
      district_rank: districtRanks.get(item.id) ?? null,
    }));
    await this.campaigns.insertResults(manager, campaign.id, results);

    const deadline = DateTime.fromISO(this.calendar.localDate(now))
      .plus({ days: RECTIFICATION_DAYS })
      .toISODate() as string;
    const low = scored.filter((item) => item.score < campaign.rectificationBelow);
    const orders = await this.rectifications.insertOrders(
      manager,
      campaign.id,
      low.map((item) => ({
        complex_id: item.id,
        unit_path: item.path,
        company_id: item.companyId,
        reason: `${campaign.period} 物业服务评价得分 ${item.score.toFixed(2)}，低于 ${campaign.rectificationBelow}`,
        deadline,
      })),
      now,
      by.userId,
    );
    const companyNames = await this.companyNames(
      manager,
      orders.map((order) => order.company_id),
    );
    const secretaries = await this.secretaries.of(orders.map((order) => order.unit_path));
    for (const order of orders) {
      const item = low.find((entry) => entry.id === order.complex_id) as (typeof low)[number];
      await this.outbox.publish(manager, {
        type: PropertyEvent.RectificationOrdered,
        unitId: order.complex_id,
        actors: [],
        data: {
          rectificationId: order.id,
          title: `${item.name}物业服务整改`,
          companyId: order.company_id,
          score: item.score,
          deadline: order.deadline,
        },
      });
      await this.notifications.request(
        manager,
        (secretaries.get(order.unit_path) ?? []).map((userId) => ({
          recipient: { userId },
          templateKey: EvaluationsTemplate.RectificationOrdered,
          data: {
            complex: item.name,
            company: companyNames.get(order.company_id) ?? '',
            score: item.score.toFixed(2),
            deadline: order.deadline,
          },
          dedupeKey: `${EvaluationsTemplate.RectificationOrdered}:${order.id}:${userId}`,
        })),
      );
    }
    await this.outbox.publish(manager, {
      type: PropertyEvent.EvaluationPublished,
      unitId: campaign.unitId,
      actors: [],
      data: {
        campaignId: campaign.id,
        title: `${campaign.period} 物业服务评价结果`,
        period: campaign.period,
        complexes: results.length,
      },
    });
    await this.audit.record(
      {
        action: 'property.evaluation-published',
        targetType: 'property-campaign',
        targetId: campaign.id,
        unitId: campaign.unitId,
        unitPath: campaign.unitPath,
        data: { complexes: results.length, rectifications: orders.length, job: by.job ?? null },
        ...(by.job ? { actorUserId: null } : {}),
      },
      manager,
    );
    return true;
  }

  private async companyNames(manager: EntityManager, ids: string[]): Promise<Map<string, string>> {
    if (ids.length === 0) return new Map();
    const rows = await queryRows<{ id: string; name: string }>(
      manager,
      `SELECT id, name FROM property_companies WHERE id = ANY($1::uuid[])`,
      [[...new Set(ids)]],
    );
    return new Map(rows.map((row) => [row.id, row.name]));
  }

  /** Publishes every open campaign whose end has passed, in batches; answers how many. */
  async publishDue(now: Date, job: string): Promise<number> {
    let total = 0;
    for (;;) {
      const batch = await this.transactions.run(async (manager) => {
        const due = await this.campaigns.lockDue(manager, now, BATCH);
        let published = 0;
        for (const campaign of due)
          if (await this.publish(manager, campaign, { userId: null, job }, now)) published += 1;
        return { seen: due.length, published };
      });
      total += batch.published;
      if (batch.seen < BATCH) return total;
    }
  }
}
