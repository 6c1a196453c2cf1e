import { Injectable } from '@nestjs/common';
import { OrganizationDirectory } from '@linli/organization';
import {
  AuditLog,
  AuthenticatedUser,
  Clock,
  decodeTimeIdCursor,
  encodeCursor,
  NotFoundProblem,
  Permission,
  ScopedReferences,
  TransactionRunner,
  unitPathCondition,
} from '@linli/platform';
import { PropertyAccess } from '../access/property-access';
import {
  AddRectificationFollowUpDto,
  CloseRectificationDto,
  PropertyRectificationDto,
  PropertyRectificationPageDto,
  PropertyRectificationsQueryDto,
} from './dto/property-rectification.dto';
import { EvaluationsCode, EvaluationsException } from './evaluations.exception';
import { RectificationRow, rectificationView, RectificationsRepository } from './rectifications.repository';

/** Rectification orders: lists (staff in scope, owners of the complex), follow-ups (property.manage), closing (property.decide). */
@Injectable()
export class RectificationsService {
  constructor(
    private readonly rectifications: RectificationsRepository,
    private readonly references: ScopedReferences,
    private readonly access: PropertyAccess,
    private readonly directory: OrganizationDirectory,
    private readonly transactions: TransactionRunner,
    private readonly audit: AuditLog,
    private readonly clock: Clock,
  ) {}

  async list(user: AuthenticatedUser, query: PropertyRectificationsQueryDto): Promise<PropertyRectificationPageDto> {
    let within = { sql: 'TRUE', params: {} as Record<string, string> };
    if (query.unitId) {
      const unit = (await this.directory.units.byIds([query.unitId])).get(query.unitId);
      if (!unit) throw new NotFoundProblem('该单位');
      within = unitPathCondition('r.unit_path', [unit.path], 'within');
    }
    const limit = query.limit ?? 20;
    const rows = await this.rectifications.page(await this.access.visibility(user, 'r.unit_path'), within, {
      status: query.status,
      after: query.cursor ? decodeTimeIdCursor(query.cursor) : undefined,
      limit,
    });
    const items = rows.slice(0, limit);
    const last = items[items.length - 1];
    return {
      items: items.map(rectificationView),
      nextCursor: rows.length > limit && last ? encodeCursor([last.created_at.toISOString(), last.id]) : null,
    };
  }

  async followUp(
    user: AuthenticatedUser,
    id: string,
    body: AddRectificationFollowUpDto,
  ): Promise<PropertyRectificationDto> {
    return this.change(user, id, Permission.PropertyManage, async (manager) => {
      await this.rectifications.addFollowUp(manager, id, {
        note: body.note.trim(),
        at: this.clock.now().toISOString(),
        byUserId: user.userId,
      });
      return { action: 'property.rectification-followed-up', data: {} };
    });
  }

  async close(user: AuthenticatedUser, id: string, body: CloseRectificationDto): Promise<PropertyRectificationDto> {
    return this.change(user, id, Permission.PropertyDecide, async (manager) => {
      const status = body.rectified ? 'rectified' : 'failed';
      await this.rectifications.close(manager, id, status, body.outcome.trim(), this.clock.now());
      return { action: 'property.rectification-closed', data: { status } };
    });
  }

  private async change(
    user: AuthenticatedUser,
    id: string,
    permission: Permission,
    apply: (
      manager: Parameters<Parameters<TransactionRunner['run']>[0]>[0],
      row: NonNullable<Awaited<ReturnType<RectificationsRepository['readOne']>>>,
    ) => Promise<{ action: string; data: Record<string, unknown> }>,
  ): Promise<PropertyRectificationDto> {
    await this.references.reachOne(user, permission, 'rectification', id);
    return this.transactions.run(async (manager) => {
      const row = await this.rectifications.readOne(manager, id, true);
      if (!row) throw new NotFoundProblem('该整改通知');
      if (row.status !== 'open') throw new EvaluationsException(EvaluationsCode.RectificationClosed);
      const { action, data } = await apply(manager, row);
      await this.audit.record(
        {
          action,
          targetType: 'property-rectification',
          targetId: id,
          unitId: row.complex_id,
          unitPath: row.unit_path,
          data,
        },
        manager,
      );
      return rectificationView((await this.rectifications.readOne(manager, id)) as RectificationRow);
    });
  }
}
