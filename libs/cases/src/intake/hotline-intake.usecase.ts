import { Injectable } from '@nestjs/common';
import { OrganizationDirectory } from '@linli/organization';
import { NotFoundProblem } from '@linli/platform';
import { CategoriesRepository } from '../categories/categories.repository';
import { CasesCode, CasesException } from '../cases/cases.exception';
import { ReportCaseUseCase } from '../cases/usecases/report-case.usecase';
import { HotlineCaseDto, HotlineReceiptDto } from './dto/hotline-case.dto';

/**
 * `POST /cases/intake/hotline` (signed): a 12345 ticket becomes a registered case at the lowest
 * level above its unit, once per ticket number: a redelivery, or the same ticket sent twice at
 * once, answers the same case.
 */
@Injectable()
export class HotlineIntakeUseCase {
  constructor(
    private readonly report: ReportCaseUseCase,
    private readonly categories: CategoriesRepository,
    private readonly directory: OrganizationDirectory,
  ) {}

  async execute(body: HotlineCaseDto): Promise<HotlineReceiptDto> {
    const category = (await this.categories.byCodes([body.categoryCode])).get(body.categoryCode);
    if (!category)
      throw new CasesException(CasesCode.UnknownCategory, { extensions: { categoryCode: body.categoryCode } });
    if (!(await this.directory.units.byIds([body.unitId])).has(body.unitId)) throw new NotFoundProblem('该单位');
    const { row, created } = await this.report.record({
      unitId: body.unitId,
      channel: 'hotline_12345',
      type: body.type,
      category,
      title: body.title.trim(),
      description: body.description?.trim() ?? '',
      evidence: [],
      urgency: body.urgency ?? 'normal',
      reporterPersonId: null,
      anonymous: false,
      partyPersonIds: [],
      externalId: body.ticketNumber,
      userId: null,
      register: true,
    });
    return {
      caseId: row.id,
      ticketNumber: body.ticketNumber,
      created,
      status: row.status,
      level: row.level,
      responseDueAt: row.response_due_at.toISOString(),
      resolveDueAt: row.resolve_due_at?.toISOString() ?? null,
    };
  }
}
