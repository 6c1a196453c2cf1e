import { Injectable } from '@nestjs/common';
import { AuditLog, AuthenticatedUser, NotFoundProblem, Permission, queryRows, ScopeService, TransactionRunner, ValidationProblem } from '@linli/platform';
import { DataSource } from 'typeorm';
import { CreateRewardDto } from './dto/create-reward.dto';
import { RewardListDto } from './dto/reward-list.dto';
import { RewardDto } from './dto/reward.dto';
import { UpdateRewardDto } from './dto/update-reward.dto';
import { REWARD_COLUMNS, RewardRow } from './store-records';

/** A store's catalogue: rewards are managed with `points.store.manage` at the store's unit. */
@Injectable()
export class RewardsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly transactions: TransactionRunner,
    private readonly scope: ScopeService,
    private readonly audit: AuditLog,
  ) {}

  async create(user: AuthenticatedUser, unitId: string, dto: CreateRewardDto): Promise<RewardDto> {
    const unitPath = await this.scope.reachableUnitPath(user, Permission.PointsStoreManage, unitId);
    if (dto.activeFrom && dto.activeTo && new Date(dto.activeFrom) >= new Date(dto.activeTo)) {
      throw new ValidationProblem([{ field: 'activeTo', constraint: 'isAfter', message: 'activeTo must be after activeFrom' }]);
    }
    return this.transactions.run(async (manager) => {
      const [row] = await queryRows<RewardRow>(
        manager,
        `INSERT INTO point_rewards (unit_id, unit_path, name, cost, stock, per_person_limit, limit_period, image_url, active_from, active_to)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING ${REWARD_COLUMNS}`,
        [unitId, unitPath, dto.name.trim(), dto.cost, dto.stock, dto.perPersonLimit ?? null, dto.limitPeriod ?? null, dto.imageUrl ?? null, dto.activeFrom ?? null, dto.activeTo ?? null],
      );
      await this.audit.record(
        { action: 'points.reward.created', targetType: 'point_reward', targetId: row.id, unitId, unitPath, data: { name: row.name, cost: dto.cost, stock: dto.stock } },
        manager,
      );
      return RewardDto.from(row);
    });
  }

  /** Changes a reward (`points.store.manage` at its unit; 404 otherwise). The database refuses what breaks its checks. */
  async update(user: AuthenticatedUser, id: string, dto: UpdateRewardDto): Promise<RewardDto> {
    return this.transactions.run(async (manager) => {
      const [current] = await queryRows<RewardRow>(manager, `SELECT ${REWARD_COLUMNS} FROM point_rewards WHERE id = $1 FOR UPDATE`, [id]);
      if (!current || !this.scope.canReach(user, Permission.PointsStoreManage, current.unit_path)) throw new NotFoundProblem('该奖品');
      const next = {
        name: dto.name?.trim() ?? current.name,
        cost: dto.cost ?? current.cost,
        stock: dto.stock ?? current.stock,
        perPersonLimit: dto.perPersonLimit !== undefined ? dto.perPersonLimit : current.per_person_limit,
        limitPeriod: dto.limitPeriod !== undefined ? dto.limitPeriod : current.limit_period,
        imageUrl: dto.imageUrl !== undefined ? dto.imageUrl : current.image_url,
        activeFrom: dto.activeFrom !== undefined ? new Date(dto.activeFrom) : current.active_from,
        activeTo: dto.activeTo !== undefined ? new Date(dto.activeTo) : current.active_to,
      };
      if (next.perPersonLimit !== null && next.limitPeriod === null) {
        throw new ValidationProblem([{ field: 'limitPeriod', constraint: 'isIn', message: 'limitPeriod is required with perPersonLimit' }]);
      }
      if (next.activeFrom && next.activeTo && next.activeFrom >= next.activeTo) {
        throw new ValidationProblem([{ field: 'activeTo', constraint: 'isAfter', message: 'activeTo must be after activeFrom' }]);
      }
      const [row] = await queryRows<RewardRow>(
        manager,
        `UPDATE point_rewards SET name = $2, cost = $3, stock = $4, per_person_limit = $5, limit_period = $6, image_url = $7, active_from = $8, active_to = $9, updated_at = now()
          WHERE id = $1 RETURNING ${REWARD_COLUMNS}`,
        [id, next.name, next.cost, next.stock, next.perPersonLimit, next.limitPeriod, next.imageUrl, next.activeFrom, next.activeTo],
      );
      await this.audit.record(
        { action: 'points.reward.updated', targetType: 'point_reward', targetId: id, unitId: row.unit_id, unitPath: row.unit_path, data: { changed: Object.keys(dto) } },
        manager,
      );
      return RewardDto.from(row);
    });
  }

  /** Residents of the store's subtree and staff with `points.read` there see its catalogue; 404 for others. */
  async list(user: AuthenticatedUser, unitId: string): Promise<RewardListDto> {
    const unitPath = await this.scope.unitPath(unitId);
    if (!this.scope.canReach(user, Permission.PointsRead, unitPath) && !(await this.residesUnder(user, unitPath))) throw new NotFoundProblem('该单位');
    const rows = await queryRows<RewardRow>(this.dataSource.manager, `SELECT ${REWARD_COLUMNS} FROM point_rewards WHERE unit_id = $1 ORDER BY created_at, id`, [unitId]);
    return { items: rows.map((row) => RewardDto.from(row)), nextCursor: null };
  }

  private async residesUnder(user: AuthenticatedUser, unitPath: string): Promise<boolean> {
    if (!user.personId) return false;
    const [row] = await queryRows<{ residence_path: string | null }>(this.dataSource.manager, 'SELECT residence_path FROM people WHERE id = $1', [user.personId]);
    const path = row?.residence_path ?? null;
    return path !== null && (path === unitPath || path.startsWith(`${unitPath}.`));
  }
}
