import { Injectable } from '@nestjs/common';
import {
  AuditLog,
  AuthenticatedUser,
  isUniqueViolation,
  mapPage,
  NotFoundProblem,
  Page,
  paginate,
  pathPrefixes,
  Permission,
  queryRows,
  ScopedReferences,
  ScopeService,
  TransactionRunner,
} from '@linli/platform';
import { DataSource, EntityManager } from 'typeorm';
import { CreateUnitDto } from './dto/create-unit.dto';
import { UnitChildrenQueryDto } from './dto/unit-children-query.dto';
import { UnitDto } from './dto/unit.dto';
import { UpdateUnitDto } from './dto/update-unit.dto';
import { ALLOWED_PARENTS, UnitKind } from './unit-kind';
import { UNIT_COLUMNS } from './unit-columns';
import { lockUnitTree } from './unit-tree.lock';
import { UnitEntity } from './unit.entity';
import { UnitsCode, UnitsException } from './units.exception';

/** A unit to insert under an already anchored parent (see `UnitsService.insert`). */
export interface NewUnit {
  kind: UnitKind;
  name: string;
  code?: string | null;
  residents?: number;
  households?: number;
  areaM2?: number | null;
}

/**
 * The unit tree: lookups that every area uses (by id, in scope, ancestors, kind checks, anchoring
 * a row at a unit inside a transaction) and the simple commands (create, rename, read children).
 * Moves and deletes are use cases of their own.
 */
@Injectable()
export class UnitsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly transactions: TransactionRunner,
    private readonly scope: ScopeService,
    private readonly audit: AuditLog,
    private readonly references: ScopedReferences,
  ) {}

  /** The unit; 404 when unknown. */
  async get(id: string, manager: EntityManager = this.dataSource.manager): Promise<UnitEntity> {
    const unit = await this.find(id, manager);
    if (!unit) throw new NotFoundProblem('该单位');
    return unit;
  }

  /** The unit or null, in one plain statement (every request that names a unit starts here). */
  async find(id: string, manager: EntityManager = this.dataSource.manager): Promise<UnitEntity | null> {
    const [unit] = await queryRows<UnitEntity>(manager, `SELECT ${UNIT_COLUMNS} FROM units WHERE id = $1`, [id]);
    return unit ?? null;
  }

  /** The unit if the caller holds `permission` there; 404 when unknown or out of scope alike. */
  async getReachable(
    user: AuthenticatedUser,
    permission: Permission,
    id: string,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<UnitEntity> {
    const unit = await this.find(id, manager);
    if (!unit || !this.scope.canReach(user, permission, unit.path)) throw new NotFoundProblem('该单位');
    return unit;
  }

  /** Throws 400 `organization.unit-kind` unless the unit is of one of `kinds` (`field` names the input that chose it). */
  assertKind(unit: UnitEntity, kinds: readonly UnitKind[], field?: string): void {
    if (!kinds.includes(unit.kind)) throw UnitsException.kind(unit.kind, kinds, field);
  }

  /** The units on `path` from the root down to the unit at `path` itself, in one query. */
  ancestors(path: string, manager: EntityManager = this.dataSource.manager): Promise<UnitEntity[]> {
    return manager
      .getRepository(UnitEntity)
      .createQueryBuilder('unit')
      .where('unit.path = ANY(:paths)', { paths: pathPrefixes(path) })
      .orderBy('unit.depth', 'ASC')
      .getMany();
  }

  /** The nearest unit of `kind` at or above `path` (e.g. the community of a building), if any. */
  async ancestorOfKind(path: string, kind: UnitKind, manager?: EntityManager): Promise<UnitEntity | undefined> {
    const line = await this.ancestors(path, manager);
    return line.reverse().find((unit) => unit.kind === kind);
  }

  /**
   * For a write that stores a unit's id and a copy of its path (a person's residence, an
   * organization's anchor…): inside the caller's transaction, locks the tree against moves (shared)
   * and the unit against deletion, then returns it. 404 when unknown.
   */
  async anchor(manager: EntityManager, unitId: string): Promise<UnitEntity> {
    const unit = (await this.anchorMany(manager, [unitId])).get(unitId);
    if (!unit) throw new NotFoundProblem('该单位');
    return unit;
  }

  /** `anchor` for many units at once (imports); unknown ids are absent from the map. */
  async anchorMany(manager: EntityManager, unitIds: string[]): Promise<Map<string, UnitEntity>> {
    await lockUnitTree(manager, 'shared');
    const ids = [...new Set(unitIds)];
    if (ids.length === 0) return new Map();
    const units = await manager
      .getRepository(UnitEntity)
      .createQueryBuilder('unit')
      .where('unit.id = ANY(:ids)', { ids })
      .setLock('pessimistic_read')
      .getMany();
    return new Map(units.map((unit) => [unit.id, unit]));
  }

  /**
   * Inserts a unit under `parent` (null only for a city) in the caller's transaction; the caller
   * anchored the parent first. Refuses a wrong parent kind (400) and a taken code (409).
   */
  async insert(manager: EntityManager, parent: UnitEntity | null, input: NewUnit): Promise<UnitEntity> {
    const allowed = ALLOWED_PARENTS[input.kind];
    if (parent === null && allowed.length > 0) throw UnitsException.parentRequired(input.kind);
    if (parent !== null && !allowed.includes(parent.kind)) throw UnitsException.parentKind(input.kind, parent.kind);
    // The path ends with the unit's own seq label, so the seq is drawn first and the row written once.
    const rows: { id: string }[] = await manager.query(
      `INSERT INTO units (seq, kind, name, code, parent_id, path, depth, residents, households, area_m2)
       OVERRIDING SYSTEM VALUE
       SELECT s.seq, $1::varchar, $2::varchar, $3::varchar, $4::uuid,
              CASE WHEN $5::text IS NULL THEN s.seq::text ELSE $5::text || '.' || s.seq END,
              $6::smallint, $7::integer, $8::integer, $9::numeric
         FROM (SELECT nextval(pg_get_serial_sequence('units', 'seq')) AS seq) s
       ON CONFLICT (code) WHERE code IS NOT NULL DO NOTHING
       RETURNING id`,
      [
        input.kind,
        input.name,
        input.code ?? null,
        parent?.id ?? null,
        parent?.path ?? null,
        parent ? parent.depth + 1 : 0,
        input.residents ?? 0,
        input.households ?? 0,
        input.areaM2 ?? null,
      ],
    );
    if (rows.length === 0)
      throw new UnitsException(UnitsCode.CodeTaken, { detail: `单位编码 ${input.code} 已被其他单位使用` });
    return manager.getRepository(UnitEntity).findOneByOrFail({ id: rows[0].id });
  }

  /** `POST /units`: needs `units.manage` at the parent (a city: a deployment-wide administrator). Audited. */
  async create(user: AuthenticatedUser, command: CreateUnitDto): Promise<UnitDto> {
    if (command.kind === 'city') {
      if (command.parentId !== undefined && command.parentId !== null) throw UnitsException.parentKind('city', null);
      if (this.scope.scopeFilter(user, Permission.UnitsManage) !== 'all')
        throw new UnitsException(UnitsCode.ParentForbidden);
    } else if (command.parentId === undefined || command.parentId === null) {
      throw UnitsException.parentRequired(command.kind);
    }
    const unit = await this.transactions.run(async (manager) => {
      const parent = command.parentId ? await this.anchor(manager, command.parentId) : null;
      // Under the tree lock `anchor` took: the parent's path cannot move before the insert.
      if (parent) await this.references.reachOne(user, Permission.UnitsManage, 'unit', parent.id, manager);
      const created = await this.insert(manager, parent, command);
      await this.audit.record(
        {
          action: 'units.created',
          targetType: 'unit',
          targetId: created.id,
          unitId: created.id,
          unitPath: created.path,
          data: { kind: created.kind, name: created.name, code: created.code, parentId: created.parentId },
        },
        manager,
      );
      return created;
    });
    return UnitDto.from(unit);
  }

  /** `GET /units/:id`. */
  async read(user: AuthenticatedUser, id: string): Promise<UnitDto> {
    return UnitDto.from(await this.getReachable(user, Permission.UnitsRead, id));
  }

  /** `GET /units/:id/children`: by name, optionally of one kind. */
  async children(user: AuthenticatedUser, id: string, query: UnitChildrenQueryDto): Promise<Page<UnitDto>> {
    const parent = await this.getReachable(user, Permission.UnitsRead, id);
    const qb = this.dataSource
      .getRepository(UnitEntity)
      .createQueryBuilder('unit')
      .where('unit.parentId = :parentId', { parentId: parent.id });
    if (query.kind) qb.andWhere('unit.kind = :kind', { kind: query.kind });
    const page = await paginate(qb, query, {
      sortColumn: 'unit.name',
      sortKey: (unit) => unit.name,
      tieBreaker: 'unit.id',
      tieKey: (unit) => unit.id,
    });
    return mapPage(page, (unit) => UnitDto.from(unit));
  }

  /** `PATCH /units/:id`: name, code and counts (kind and parent change only by a move). Audited. */
  async update(user: AuthenticatedUser, id: string, command: UpdateUnitDto): Promise<UnitDto> {
    const changes: Partial<Pick<UnitEntity, 'name' | 'code' | 'residents' | 'households' | 'areaM2'>> = {};
    if (command.name !== undefined) changes.name = command.name;
    if (command.code !== undefined) changes.code = command.code;
    if (command.residents !== undefined) changes.residents = command.residents;
    if (command.households !== undefined) changes.households = command.households;
    if (command.areaM2 !== undefined) changes.areaM2 = command.areaM2 === null ? null : String(command.areaM2);
    const unit = await this.transactions.run(async (manager) => {
      const current = await manager
        .getRepository(UnitEntity)
        .createQueryBuilder('unit')
        .where('unit.id = :id', { id })
        .setLock('pessimistic_write')
        .getOne();
      if (!current || !this.scope.canReach(user, Permission.UnitsManage, current.path))
        throw new NotFoundProblem('该单位');
      if (Object.keys(changes).length === 0) return current;
      try {
        await manager.getRepository(UnitEntity).update({ id }, changes);
      } catch (error) {
        if (isUniqueViolation(error, 'units_code_key'))
          throw new UnitsException(UnitsCode.CodeTaken, { detail: `单位编码 ${command.code} 已被其他单位使用` });
        throw error;
      }
      await this.audit.record(
        {
          action: 'units.updated',
          targetType: 'unit',
          targetId: id,
          unitId: id,
          unitPath: current.path,
          data: { changes: { ...changes } },
        },
        manager,
      );
      return manager.getRepository(UnitEntity).findOneByOrFail({ id });
    });
    return UnitDto.from(unit);
  }
}
