import { Injectable } from '@nestjs/common';
import { OrganizationDirectory } from '@linli/organization';
import {
  AuthenticatedUser,
  BusinessCalendar,
  NotFoundProblem,
  Permission,
  ScopeService,
  TransactionRunner,
} from '@linli/platform';
import { CampaignCreation } from '../campaign-creation';
import { CreatePropertyEvaluationDto } from '../dto/create-property-evaluation.dto';
import { PropertyEvaluationCampaignDto } from '../dto/property-evaluation.dto';
import { parseHalfYear } from '../evaluation-period';
import { campaignView } from '../evaluations.repository';
import { EvaluationsCode, EvaluationsException } from '../evaluations.exception';

/** `POST /property/evaluations` (property.decide at a street or district): one campaign per (unit, period). */
@Injectable()
export class CreatePropertyEvaluationUseCase {
  constructor(
    private readonly directory: OrganizationDirectory,
    private readonly scope: ScopeService,
    private readonly creation: CampaignCreation,
    private readonly transactions: TransactionRunner,
    private readonly calendar: BusinessCalendar,
  ) {}

  async execute(user: AuthenticatedUser, body: CreatePropertyEvaluationDto): Promise<PropertyEvaluationCampaignDto> {
    const unit = (await this.directory.units.byIds([body.unitId])).get(body.unitId);
    if (!unit || !this.scope.canReach(user, Permission.PropertyDecide, unit.path)) throw new NotFoundProblem('该单位');
    if (unit.kind !== 'street' && unit.kind !== 'district')
      throw new EvaluationsException(EvaluationsCode.CampaignUnit);
    const opensAt = new Date(body.opensAt);
    const closesAt = new Date(body.closesAt);
    if (!parseHalfYear(body.period, this.calendar.zone) || closesAt <= opensAt)
      throw new EvaluationsException(EvaluationsCode.CampaignPeriod);
    return this.transactions.run(async (manager) => {
      const anchored = await this.directory.units.anchor(manager, unit.id);
      const campaign = await this.creation.create(manager, {
        unit: { id: anchored.id, path: anchored.path },
        period: body.period,
        opensAt,
        closesAt,
        raterWeights: body.raterWeights,
        categoryWeights: body.categoryWeights,
        rectificationBelow: body.rectificationBelow,
        by: { userId: user.userId },
      });
      if (!campaign) throw new EvaluationsException(EvaluationsCode.CampaignExists);
      return campaignView(campaign);
    });
  }
}
