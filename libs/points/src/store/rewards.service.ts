import { Injectable } from '@nestjs/common';
import {
  AuditLog,
  AuthenticatedUser,
  isWithin,
  NotFoundProblem,
  Permission,
  ScopeService,
  TransactionRunner,
  ValidationProblem,
} from '@linli/platform';
import { OrganizationDirectory } from '@linli/organization';
import { CreateRewardDto } from './dto/create-reward.dto';
import { RewardListDto } from './dto/reward-list.dto';
import { RewardDto } from './dto/reward.dto';
import { UpdateRewardDto } from './dto/update-reward.dto';
import { StoreRepository } from './store.repository';

/** A store's catalogue: rewards are managed with `points.store.manage` at the store's unit. */
@Injectable()
export class RewardsService {
  constructor(
    private readonly store: StoreRepository,
    private readonly transactions: TransactionRunner,
    private readonly scope: ScopeService,
    private readonly audit: AuditLog,
    private readonly directory: OrganizationDirectory,
  ) {}

  async create(user: AuthenticatedUser, unitId: string, dto: CreateRewardDto): Promise<RewardDto> {
    await this.scope.reachableUnitPath(user, Permission.PointsStoreManage, unitId);
    if (dto.activeFrom && dto.activeTo && new Date(dto.activeFrom) >= new Date(dto.activeTo)) {
      throw new ValidationProblem([
        { field: 'activeTo', constraint: 'isAfter', message: 'activeTo must be after activeFrom' },
      ]);
    }
    return this.transactions.run(async (manager) => {
      // The reward keeps a copy of its unit's path: anchored, so that no subtree move slips in before commit.
      const unit = await this.directory.units.anchor(manager, unitId);
      const row = await this.store.insertReward(manager, unit, {
        name: dto.name.trim(),
        cost: dto.cost,
        stock: dto.stock,
        perPersonLimit: dto.perPersonLimit ?? null,
        limitPeriod: dto.limitPeriod ?? null,
        imageUrl: dto.imageUrl ?? null,
        activeFrom: dto.activeFrom ?? null,
        activeTo: dto.activeTo ?? null,
      });
      await this.audit.record(
        {
          action: 'points.reward.created',
          targetType: 'point_reward',
          targetId: row.id,
          unitId,
          unitPath: unit.path,
          data: { name: row.name, cost: dto.cost, stock: dto.stock },
        },
        manager,
      );
      return RewardDto.from(row);
    });
  }

  /** Changes a reward (`points.store.manage` at its unit; 404 otherwise). The database refuses what breaks its checks. */
  async update(user: AuthenticatedUser, id: string, dto: UpdateRewardDto): Promise<RewardDto> {
    return this.transactions.run(async (manager) => {
      const current = await this.store.reward(manager, id, { lock: true });
      if (!current || !this.scope.canReach(user, Permission.PointsStoreManage, current.unit_path))
        throw new NotFoundProblem('该奖品');
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
        throw new ValidationProblem([
          { field: 'limitPeriod', constraint: 'isIn', message: 'limitPeriod is required with perPersonLimit' },
        ]);
      }
      if (next.activeFrom && next.activeTo && next.activeFrom >= next.activeTo) {
        throw new ValidationProblem([
          { field: 'activeTo', constraint: 'isAfter', message: 'activeTo must be after activeFrom' },
        ]);
      }
      const row = await this.store.updateReward(manager, id, next);
      await this.audit.record(
        {
          action: 'points.reward.updated',
          targetType: 'point_reward',
          targetId: id,
          unitId: row.unit_id,
          unitPath: row.unit_path,
          data: { changed: Object.keys(dto) },
        },
        manager,
      );
      return RewardDto.from(row);
    });
  }

  /** Residents of the store's subtree and staff with `points.read` there see its catalogue; 404 for others. */
  async list(user: AuthenticatedUser, unitId: string): Promise<RewardListDto> {
    const unitPath = await this.scope.unitPath(unitId);
    if (!this.scope.canReach(user, Permission.PointsRead, unitPath) && !(await this.residesUnder(user, unitPath)))
      throw new NotFoundProblem('该单位');
    const rows = await this.store.rewardsOf(unitId);
    return { items: rows.map((row) => RewardDto.from(row)), nextCursor: null };
  }

  private async residesUnder(user: AuthenticatedUser, unitPath: string): Promise<boolean> {
    if (!user.personId) return false;
    const person = (await this.directory.people.byIds([user.personId])).get(user.personId);
    return person !== undefined && isWithin(person.residencePath, unitPath);
  }
}
