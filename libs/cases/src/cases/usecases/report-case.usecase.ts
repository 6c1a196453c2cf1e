import { Injectable } from '@nestjs/common';
import { OrganizationDirectory } from '@linli/organization';
import {
  AuditLog,
  AuthenticatedUser,
  Clock,
  isWithin,
  NotFoundProblem,
  Permission,
  ScopedReferences,
  TransactionRunner,
} from '@linli/platform';
import { EntityManager } from 'typeorm';
import { CasesAccess } from '../../access/cases-access';
import { CategoriesRepository, CategoryRow } from '../../categories/categories.repository';
import { CaseClock } from '../case-clock';
import { CaseChannel, CaseType } from '../case-flow';
import { CaseLevels } from '../case-levels';
import { CaseRow } from '../case-record';
import { CaseRegistration } from '../case-registration';
import { CaseTransitions } from '../case-transitions';
import { CaseViews } from '../case-views';
import { CasesCode, CasesException } from '../cases.exception';
import { CasesRepository } from '../cases.repository';
import { CaseDto } from '../dto/case.dto';
import { CreateCaseDto } from '../dto/create-case.dto';

const RESIDENT_CHANNELS: readonly CaseChannel[] = ['resident', 'mobile_grid'];

/** A case to record, after the caller's checks (also the hotline intake's). */
export interface ReportedCase {
  unitId: string;
  channel: CaseChannel;
  type: CaseType;
  category: CategoryRow;
  title: string;
  description: string;
  evidence: string[];
  urgency: 'normal' | 'urgent';
  reporterPersonId: string | null;
  anonymous: boolean;
  partyPersonIds: string[];
  externalId: string | null;
  userId: string | null;
  /** Registered at once (staff found it, the hotline accepted it). */
  register: boolean;
}

/**
 * `POST /cases`: staff with cases.handle at the unit record a case from any channel (registered at
 * once unless they report it as themselves, which someone else registers); a resident reports as
 * themselves (`resident` or `mobile_grid`), for a unit in their own community, and the case waits
 * for registration. It starts at the lowest level above its unit (小事不出网格).
 */
@Injectable()
export class ReportCaseUseCase {
  constructor(
    private readonly access: CasesAccess,
    private readonly references: ScopedReferences,
    private readonly directory: OrganizationDirectory,
    private readonly categories: CategoriesRepository,
    private readonly cases: CasesRepository,
    private readonly levels: CaseLevels,
    private readonly caseClock: CaseClock,
    private readonly registration: CaseRegistration,
    private readonly transitions: CaseTransitions,
    private readonly views: CaseViews,
    private readonly transactions: TransactionRunner,
    private readonly audit: AuditLog,
    private readonly clock: Clock,
  ) {}

  async execute(user: AuthenticatedUser, body: CreateCaseDto): Promise<CaseDto> {
    const category = (await this.categories.byCodes([body.categoryCode])).get(body.categoryCode);
    if (!category)
      throw new CasesException(CasesCode.UnknownCategory, { extensions: { categoryCode: body.categoryCode } });
    const parties = body.partyPersonIds ?? [];
    if (parties.length > 0 && body.type !== 'dispute') throw new CasesException(CasesCode.Parties);
    const unit = (await this.directory.units.byIds([body.unitId])).get(body.unitId);
    if (!unit) throw new NotFoundProblem('该单位');
    const staff = this.access.canHandle(user, unit.path);
    const reporterPersonId = staff
      ? (body.reporterPersonId ?? null)
      : await this.residentReporter(user, unit.path, body);
    if (staff)
      await this.references.reach(user, Permission.CasesHandle, {
        person: [...(reporterPersonId ? [reporterPersonId] : []), ...parties],
      });
    const dto = await this.record({
      unitId: unit.id,
      channel: body.channel,
      type: body.type,
      category,
      title: body.title.trim(),
      description: body.description?.trim() ?? '',
      evidence: body.evidence ?? [],
      urgency: body.urgency ?? 'normal',
      reporterPersonId,
      anonymous: body.anonymous ?? false,
      partyPersonIds: parties,
      externalId: null,
      userId: user.userId,
      register: staff && (reporterPersonId === null || reporterPersonId !== user.personId),
    });
    return this.views.one(user, dto.row);
  }

  /** Records the case (and registers it when asked) in one transaction; `created` is false when the external id was known. */
  async record(reported: ReportedCase): Promise<{ row: CaseRow; created: boolean }> {
    return this.transactions.run(async (manager) => {
      const unit = await this.directory.units.anchor(manager, reported.unitId);
      const levels = await this.levels.of(unit.path, manager);
      const level = CaseLevels.lowest(levels);
      if (!level) throw new CasesException(CasesCode.NoLevel);
      const now = this.clock.now();
      const id = await this.cases.insert(manager, {
        ...reported,
        categoryId: reported.category.id,
        unitPath: unit.path,
        status: 'reported',
        level,
        levelUnitId: levels.get(level)?.id as string,
        reportedAt: now,
        responseDueAt: this.caseClock.responseDue(now, reported.category),
      });
      if (!id) {
        const known = await this.cases.byExternalId(manager, reported.channel, reported.externalId as string);
        return { row: (await this.cases.readOne(manager, known as string)) as CaseRow, created: false };
      }
      await this.cases.step(manager, {
        case_id: id,
        action: 'report',
        from_status: null,
        to_status: 'reported',
        level,
        userId: reported.userId,
        data: { channel: reported.channel },
        at: now,
      });
      await this.audit.record(
        {
          action: 'cases.case-reported',
          targetType: 'case',
          targetId: id,
          unitId: unit.id,
          unitPath: unit.path,
          data: { channel: reported.channel, type: reported.type, categoryCode: reported.category.code },
        },
        manager,
      );
      if (reported.register) await this.registerNow(manager, id, reported.userId);
      return { row: (await this.cases.readOne(manager, id)) as CaseRow, created: true };
    });
  }

  private async registerNow(manager: EntityManager, id: string, userId: string | null): Promise<void> {
    const row = (await this.cases.readOne(manager, id, true)) as CaseRow;
    await this.transitions.move(manager, row, 'register', userId, ({ now }) =>
      this.registration.step(manager, row, now),
    );
  }

  /** A resident reports as themselves, by a resident channel, in their own community; else 404 (unit) or 400. */
  private async residentReporter(user: AuthenticatedUser, unitPath: string, body: CreateCaseDto): Promise<string> {
    const person = user.personId ? (await this.directory.people.byIds([user.personId])).get(user.personId) : undefined;
    if (!person) throw new NotFoundProblem('该单位');
    const community = (await this.directory.units.enclosing([person.residencePath], 'community')).get(
      person.residencePath,
    );
    if (!community || !isWithin(unitPath, community.path)) throw new NotFoundProblem('该单位');
    const foreign = body.reporterPersonId !== undefined && body.reporterPersonId !== person.id;
    if (!RESIDENT_CHANNELS.includes(body.channel) || foreign || (body.partyPersonIds ?? []).length > 0)
      throw new CasesException(CasesCode.ResidentReport);
    return person.id;
  }
}
