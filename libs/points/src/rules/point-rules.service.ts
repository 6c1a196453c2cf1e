import { Injectable } from '@nestjs/common';
import {
  AuditLog,
  AuthenticatedUser,
  FieldProblem,
  isWithin,
  NotFoundProblem,
  Page,
  paginate,
  Permission,
  ScopedReferences,
  ScopeService,
  queryRows,
  TransactionRunner,
  UnitScope,
  ValidationProblem,
} from '@linli/platform';
import { OrganizationDirectory } from '@linli/organization';
import { DataSource, EntityManager } from 'typeorm';
import { RulesCode, RulesException } from './rules.exception';
import { CreatePointRuleDto } from './dto/create-point-rule.dto';
import { PointRuleDto } from './dto/point-rule.dto';
import { PointRulesQueryDto } from './dto/point-rules-query.dto';
import { RuleCapsDto } from './dto/rule-caps.dto';
import { UpdatePointRuleDto } from './dto/update-point-rule.dto';
import { PointRuleEntity } from './point-rule.entity';
import { PointRuleSpec, RuleCaps } from './point-rule-spec';
import { PointRuleVersionEntity } from './point-rule-version.entity';
import { insertRule, insertRuleVersion } from './point-rule-writer';

function capsOf(dto: RuleCapsDto | undefined): RuleCaps {
  const caps: RuleCaps = {};
  for (const key of ['day', 'month', 'year'] as const) if (typeof dto?.[key] === 'number') caps[key] = dto[key];
  return caps;
}

function specOf(version: PointRuleVersionEntity): PointRuleSpec {
  return {
    name: version.name,
    eventType: version.eventType,
    filters: version.filters,
    actorRoles: version.actorRoles,
    accountKind: version.accountKind,
    points: version.points,
    per: version.per,
    caps: version.caps,
    validityMonths: version.validityMonths,
    unitId: version.unitId,
    activeFrom: version.activeFrom,
    activeTo: version.activeTo,
    creditOrganization: version.creditOrganization,
    pendingUntil: version.pendingUntil,
    pendingRejectedBy: version.pendingRejectedBy,
    pendingKey: version.pendingKey,
  };
}

/** Rules the combination of fields makes meaningless, named by field (400). */
function assertCoherent(spec: PointRuleSpec): void {
  const problems: FieldProblem[] = [];
  if (spec.validityMonths !== null && spec.accountKind !== 'redeemable') {
    problems.push({ field: 'validityMonths', constraint: 'redeemableOnly', message: 'only redeemable points expire' });
  }
  if (spec.activeFrom && spec.activeTo && spec.activeTo.getTime() <= spec.activeFrom.getTime()) {
    problems.push({ field: 'activeTo', constraint: 'afterActiveFrom', message: 'activeTo must be after activeFrom' });
  }
  if ((spec.pendingUntil === null) !== (spec.pendingKey === null)) {
    problems.push({
      field: spec.pendingUntil === null ? 'pendingUntil' : 'pendingKey',
      constraint: 'pendingPair',
      message: 'pendingUntil and pendingKey go together',
    });
  }
  if (spec.pendingRejectedBy !== null && spec.pendingUntil === null) {
    problems.push({
      field: 'pendingRejectedBy',
      constraint: 'pendingPair',
      message: 'pendingRejectedBy needs pendingUntil',
    });
  }
  if (
    spec.pendingUntil !== null &&
    (spec.pendingUntil === spec.eventType || spec.pendingUntil === spec.pendingRejectedBy)
  ) {
    problems.push({
      field: 'pendingUntil',
      constraint: 'distinctEvent',
      message: 'pendingUntil must differ from eventType and pendingRejectedBy',
    });
  }
  if (problems.length > 0) throw new ValidationProblem(problems);
}

/**
 * Rules as data: listing those that apply in the caller's scope, creating, and changing them (a
 * change is a new version; the entries computed with an older one keep it). A rule scoped to a unit
 * is managed with `points.rules.manage` at that unit; a deployment-wide rule only by a
 * deployment-wide administrator.
 */
@Injectable()
export class PointRulesService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly transactions: TransactionRunner,
    private readonly scope: ScopeService,
    private readonly audit: AuditLog,
    private readonly directory: OrganizationDirectory,
    private readonly references: ScopedReferences,
  ) {}

  /** `GET /points/rules`: by code; deployment-wide rules, rules of units in scope and of their ancestors (those apply there too). */
  async list(user: AuthenticatedUser, query: PointRulesQueryDto): Promise<Page<PointRuleDto>> {
    const scope = this.scope.scopeFilter(user, Permission.PointsRead);
    const qb = this.dataSource
      .getRepository(PointRuleEntity)
      .createQueryBuilder('r')
      .innerJoin(PointRuleVersionEntity, 'v', 'v.ruleId = r.id AND v.version = r.currentVersion');
    if (query.eventType) qb.andWhere('v.eventType = :eventType', { eventType: query.eventType });
    if (scope !== 'all') {
      const units = await this.ruleUnitsApplyingIn(scope);
      qb.andWhere(units.length > 0 ? '(v.unitId IS NULL OR v.unitId IN (:...units))' : 'v.unitId IS NULL', { units });
    }
    const page = await paginate(qb, query, {
      sortColumn: 'r.code',
      sortKey: (rule) => rule.code,
      tieBreaker: 'r.id',
      tieKey: (rule) => rule.id,
    });
    if (page.items.length === 0) return { items: [], nextCursor: page.nextCursor };
    const versions = await this.dataSource
      .getRepository(PointRuleVersionEntity)
      .find({ where: page.items.map((rule) => ({ ruleId: rule.id, version: rule.currentVersion })) });
    const byRule = new Map(versions.map((version) => [version.ruleId, version]));
    return {
      items: page.items.map((rule) => PointRuleDto.from(rule, byRule.get(rule.id) as PointRuleVersionEntity)),
      nextCursor: page.nextCursor,
    };
  }

  /** `POST /points/rules`: version 1. 409 `points.rule-code-taken`; audited as points.rule-created. */
  async create(user: AuthenticatedUser, command: CreatePointRuleDto): Promise<PointRuleDto> {
    const spec: PointRuleSpec = {
      name: command.name.trim(),
      eventType: command.eventType,
      filters: command.filters ?? {},
      actorRoles: command.actorRoles ?? [],
      accountKind: command.accountKind,
      points: command.points,
      per: command.per,
      caps: capsOf(command.caps),
      validityMonths: command.validityMonths ?? null,
      unitId: command.unitId ?? null,
      activeFrom: command.activeFrom ? new Date(command.activeFrom) : null,
      activeTo: command.activeTo ? new Date(command.activeTo) : null,
      creditOrganization: command.creditOrganization ?? false,
      pendingUntil: command.pendingUntil ?? null,
      pendingRejectedBy: command.pendingRejectedBy ?? null,
      pendingKey: command.pendingKey ?? null,
    };
    assertCoherent(spec);
    const unitPath = await this.manageableScope(user, spec.unitId);
    const id = await this.transactions.run(async (manager) => {
      const ruleId = await insertRule(manager, command.code, spec, user.userId);
      if (!ruleId)
        throw new RulesException(RulesCode.RuleCodeTaken, { detail: `积分规则编码 ${command.code} 已被使用` });
      await this.audit.record(
        {
          action: 'points.rule-created',
          targetType: 'point_rule',
          targetId: ruleId,
          unitId: spec.unitId,
          unitPath,
          data: { code: command.code, version: 1, rule: { ...spec } },
        },
        manager,
      );
      return ruleId;
    });
    return this.read(id);
  }

  /** `PATCH /points/rules/:id`: writes the next version with the changed fields. Audited as points.rule-changed. */
  async update(user: AuthenticatedUser, id: string, command: UpdatePointRuleDto): Promise<PointRuleDto> {
    await this.transactions.run(async (manager) => {
      const rule = await manager
        .getRepository(PointRuleEntity)
        .createQueryBuilder('r')
        .where('r.id = :id', { id })
        .setLock('pessimistic_write')
        .getOne();
      if (!rule) throw new NotFoundProblem('该积分规则');
      const current = await this.version(manager, rule);
      const currentPath = await this.manageableScope(user, current.unitId, true);
      const spec: PointRuleSpec = { ...specOf(current) };
      const changes: Record<string, unknown> = {};
      const set = <K extends keyof PointRuleSpec>(key: K, value: PointRuleSpec[K] | undefined): void => {
        if (value === undefined) return;
        spec[key] = value;
        changes[key] = value;
      };
      set('name', command.name?.trim());
      set('eventType', command.eventType);
      set('filters', command.filters);
      set('actorRoles', command.actorRoles);
      set('accountKind', command.accountKind);
      set('points', command.points);
      set('per', command.per);
      set('caps', command.caps === undefined ? undefined : capsOf(command.caps));
      set('validityMonths', command.validityMonths);
      set('unitId', command.unitId);
      set(
        'activeFrom',
        command.activeFrom === undefined
          ? undefined
          : command.activeFrom === null
            ? null
            : new Date(command.activeFrom),
      );
      set(
        'activeTo',
        command.activeTo === undefined ? undefined : command.activeTo === null ? null : new Date(command.activeTo),
      );
      set('creditOrganization', command.creditOrganization);
      set('pendingUntil', command.pendingUntil);
      set('pendingRejectedBy', command.pendingRejectedBy);
      set('pendingKey', command.pendingKey);
      assertCoherent(spec);
      const unitPath = spec.unitId === current.unitId ? currentPath : await this.manageableScope(user, spec.unitId);
      const version = rule.currentVersion + 1;
      await insertRuleVersion(manager, rule.id, version, spec, user.userId);
      await manager.getRepository(PointRuleEntity).update({ id: rule.id }, { currentVersion: version });
      await this.audit.record(
        {
          action: 'points.rule-changed',
          targetType: 'point_rule',
          targetId: rule.id,
          unitId: spec.unitId,
          unitPath,
          data: { code: rule.code, version, changes },
        },
        manager,
      );
    });
    return this.read(id);
  }

  /**
   * The scope units of current rule versions that apply in `scope`: units within it, and its
   * ancestors (their rules apply there too). Rules are few, so their units are read whole.
   */
  private async ruleUnitsApplyingIn(scope: Exclude<UnitScope, 'all'>): Promise<string[]> {
    const rows = await queryRows<{ unit_id: string }>(
      this.dataSource.manager,
      `SELECT DISTINCT v.unit_id FROM point_rules r JOIN point_rule_versions v ON v.rule_id = r.id AND v.version = r.current_version WHERE v.unit_id IS NOT NULL`,
      [],
    );
    const units = await this.directory.units.byIds(rows.map((row) => row.unit_id));
    return [...units.values()]
      .filter((unit) => scope.some((path) => isWithin(unit.path, path) || isWithin(path, unit.path)))
      .map((unit) => unit.id);
  }

  private async read(id: string): Promise<PointRuleDto> {
    const rule = await this.dataSource.getRepository(PointRuleEntity).findOneByOrFail({ id });
    return PointRuleDto.from(rule, await this.version(this.dataSource.manager, rule));
  }

  private version(manager: EntityManager, rule: PointRuleEntity): Promise<PointRuleVersionEntity> {
    return manager
      .getRepository(PointRuleVersionEntity)
      .findOneByOrFail({ ruleId: rule.id, version: rule.currentVersion });
  }

  /**
   * The path of the scope a caller may manage rules at: a unit where they hold `points.rules.manage`
   * (404 otherwise, or `asExisting`: the rule itself is hidden), or, for a deployment-wide rule, a
   * deployment-wide grant (403 `points.rule-scope-forbidden`).
   */
  private async manageableScope(
    user: AuthenticatedUser,
    unitId: string | null,
    asExisting = false,
  ): Promise<string | null> {
    if (unitId === null) {
      if (this.scope.scopeFilter(user, Permission.PointsRulesManage) !== 'all')
        throw new RulesException(RulesCode.RuleScopeForbidden);
      return null;
    }
    try {
      return (await this.references.reachOne(user, Permission.PointsRulesManage, 'unit', unitId)) as string;
    } catch (error) {
      if (asExisting && error instanceof NotFoundProblem) throw new NotFoundProblem('该积分规则');
      throw error;
    }
  }
}
