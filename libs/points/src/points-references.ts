import { Injectable, OnModuleInit } from '@nestjs/common';
import { queryRows, ReferenceResolvers } from '@linli/platform';
import { OrganizationDirectory } from '@linli/organization';
import { DataSource, EntityManager } from 'typeorm';

/**
 * Registers points' kinds with the kernel's reference check (`ScopedReferences`), each read from
 * points' own tables: a `reward` lies at its store's unit path, a `redemption` at its reward's, an
 * evaluation `campaign` at its unit's, a `rule` at its scope unit (a deployment-wide rule: `null`,
 * reachable only with a deployment-wide grant; its unit's path comes from organization's directory).
 */
@Injectable()
export class PointsReferences implements OnModuleInit {
  constructor(
    private readonly resolvers: ReferenceResolvers,
    private readonly dataSource: DataSource,
    private readonly directory: OrganizationDirectory,
  ) {}

  onModuleInit(): void {
    this.resolvers.register({
      kind: 'reward',
      displayName: '该奖品',
      pathsOf: (ids, manager) => this.paths('SELECT id, unit_path AS path FROM point_rewards', ids, manager),
    });
    this.resolvers.register({
      kind: 'redemption',
      displayName: '该兑换记录',
      pathsOf: (ids, manager) =>
        this.paths(
          'SELECT d.id, r.unit_path AS path FROM point_redemptions d JOIN point_rewards r ON r.id = d.reward_id',
          ids,
          manager,
          'd.id',
        ),
    });
    this.resolvers.register({
      kind: 'campaign',
      displayName: '该评价活动',
      pathsOf: (ids, manager) =>
        this.paths('SELECT id, unit_path AS path FROM point_evaluation_campaigns', ids, manager),
    });
    this.resolvers.register({
      kind: 'rule',
      displayName: '该积分规则',
      pathsOf: (ids, manager) => this.rulePaths(ids, manager),
    });
  }

  private async paths(
    select: string,
    ids: string[],
    manager: EntityManager = this.dataSource.manager,
    idColumn = 'id',
  ): Promise<Map<string, string | null>> {
    if (ids.length === 0) return new Map();
    const rows = await queryRows<{ id: string; path: string }>(
      manager,
      `${select} WHERE ${idColumn} = ANY($1::uuid[])`,
      [ids],
    );
    return new Map(rows.map((row) => [row.id, row.path]));
  }

  private async rulePaths(
    ids: string[],
    manager: EntityManager = this.dataSource.manager,
  ): Promise<Map<string, string | null>> {
    if (ids.length === 0) return new Map();
    const rows = await queryRows<{ id: string; unit_id: string | null }>(
      manager,
      `SELECT r.id, v.unit_id FROM point_rules r JOIN point_rule_versions v ON v.rule_id = r.id AND v.version = r.current_version
        WHERE r.id = ANY($1::uuid[])`,
      [ids],
    );
    const units = await this.directory.units.byIds(
      rows.flatMap((row) => (row.unit_id ? [row.unit_id] : [])),
      manager,
    );
    const paths = new Map<string, string | null>();
    for (const row of rows) {
      if (row.unit_id === null) paths.set(row.id, null);
      else {
        const unit = units.get(row.unit_id);
        if (unit) paths.set(row.id, unit.path);
      }
    }
    return paths;
  }
}
