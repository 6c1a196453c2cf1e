import { Injectable } from '@nestjs/common';
import { AuthenticatedUser, Page, paginate, queryRows } from '@linli/platform';
import { DataSource } from 'typeorm';
import { PointAccountEntity } from '../ledger/point-account.entity';
import { PointEntryEntity } from '../ledger/point-entry.entity';
import { AccountKind, PointsOwner } from '../ledger/points-owner';
import { PointRuleOutcomeEntity } from '../rules/point-rule-outcome.entity';
import { PointEntryDto } from './dto/point-entry.dto';
import { PointsAccountQueryDto } from './dto/points-account-query.dto';
import { PointsAccountViewDto } from './dto/points-account-view.dto';
import { RuleOutcomeDto } from './dto/rule-outcome.dto';
import { PointsOwners } from './points-owners.service';

/** Reading an owner's points: the account view, the entries and the rules' outcomes. A person reads their own; staff within scope. */
@Injectable()
export class PointsAccountsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly owners: PointsOwners,
  ) {}

  /** `GET /points/accounts/:ownerType/:ownerId`. */
  async view(user: AuthenticatedUser, owner: PointsOwner): Promise<PointsAccountViewDto> {
    await this.owners.assertReadable(user, owner);
    const accounts = await this.accountsOf(owner);
    const redeemable = accounts.find((a) => a.kind === 'redeemable');
    const assessment = accounts.find((a) => a.kind === 'assessment');
    const expiring = redeemable
      ? await queryRows<{ amount: string; expires_at: Date }>(
          this.dataSource.manager,
          `SELECT sum(remaining) AS amount, expires_at FROM point_lots
            WHERE account_id = $1 AND status = 'available' AND remaining > 0 AND expires_at IS NOT NULL
            GROUP BY expires_at ORDER BY expires_at`,
          [redeemable.id],
        )
      : [];
    return {
      redeemable: {
        balance: redeemable?.balance ?? 0,
        pending: redeemable?.pending ?? 0,
        expiring: expiring.map((batch) => ({
          amount: Number(batch.amount),
          expiresAt: batch.expires_at.toISOString(),
        })),
      },
      assessment: { balance: assessment?.balance ?? 0 },
    };
  }

  /** `GET /points/accounts/:ownerType/:ownerId/entries`: newest first. */
  async entries(
    user: AuthenticatedUser,
    owner: PointsOwner,
    query: PointsAccountQueryDto,
  ): Promise<Page<PointEntryDto>> {
    await this.owners.assertReadable(user, owner);
    const kinds = await this.accountKinds(owner, query.accountKind);
    if (kinds.size === 0) return { items: [], nextCursor: null };
    const qb = this.dataSource
      .getRepository(PointEntryEntity)
      .createQueryBuilder('entry')
      .where('entry.accountId IN (:...accountIds)', { accountIds: [...kinds.keys()] });
    const page = await paginate(qb, query, {
      sortColumn: 'entry.seq',
      sortKey: (e) => e.seq,
      tieBreaker: 'entry.id',
      tieKey: (e) => e.id,
      direction: 'DESC',
    });
    return {
      items: page.items.map((entry) => PointEntryDto.from(entry, kinds.get(entry.accountId) as AccountKind)),
      nextCursor: page.nextCursor,
    };
  }

  /** `GET /points/accounts/:ownerType/:ownerId/outcomes`: what each rule did for the owner, newest first (capped events included). */
  async outcomes(
    user: AuthenticatedUser,
    owner: PointsOwner,
    query: PointsAccountQueryDto,
  ): Promise<Page<RuleOutcomeDto>> {
    await this.owners.assertReadable(user, owner);
    const kinds = await this.accountKinds(owner, query.accountKind);
    if (kinds.size === 0) return { items: [], nextCursor: null };
    const qb = this.dataSource
      .getRepository(PointRuleOutcomeEntity)
      .createQueryBuilder('outcome')
      .where('outcome.accountId IN (:...accountIds)', { accountIds: [...kinds.keys()] });
    const page = await paginate(qb, query, {
      sortColumn: 'outcome.seq',
      sortKey: (o) => o.seq,
      tieBreaker: 'outcome.id',
      tieKey: (o) => o.id,
      direction: 'DESC',
    });
    const rules = await this.ruleNames(page.items);
    return {
      items: page.items.map((o) =>
        RuleOutcomeDto.from(
          o,
          kinds.get(o.accountId) as AccountKind,
          rules.get(`${o.ruleId}:${o.ruleVersion}`) ?? { code: '', name: '' },
        ),
      ),
      nextCursor: page.nextCursor,
    };
  }

  private accountsOf(owner: PointsOwner): Promise<PointAccountEntity[]> {
    return queryRows<PointAccountEntity>(
      this.dataSource.manager,
      `SELECT id, owner_type AS "ownerType", owner_id AS "ownerId", kind, balance::float8 AS balance,
              pending::float8 AS pending, created_at AS "createdAt", updated_at AS "updatedAt"
         FROM point_accounts WHERE owner_type = $1 AND owner_id = $2`,
      [owner.type, owner.id],
    );
  }

  private async accountKinds(owner: PointsOwner, only: AccountKind | undefined): Promise<Map<string, AccountKind>> {
    const accounts = (await this.accountsOf(owner)).filter((account) => only === undefined || account.kind === only);
    return new Map(accounts.map((account) => [account.id, account.kind]));
  }

  /** Code and name of each rule version on the page, in one query. */
  private async ruleNames(outcomes: PointRuleOutcomeEntity[]): Promise<Map<string, { code: string; name: string }>> {
    if (outcomes.length === 0) return new Map();
    const rows = await queryRows<{ rule_id: string; version: number; code: string; name: string }>(
      this.dataSource.manager,
      `SELECT v.rule_id, v.version, r.code, v.name
         FROM point_rule_versions v JOIN point_rules r ON r.id = v.rule_id
         JOIN unnest($1::uuid[], $2::int[]) AS k(rule_id, version) ON k.rule_id = v.rule_id AND k.version = v.version`,
      [outcomes.map((o) => o.ruleId), outcomes.map((o) => o.ruleVersion)],
    );
    return new Map(rows.map((row) => [`${row.rule_id}:${row.version}`, { code: row.code, name: row.name }]));
  }
}
