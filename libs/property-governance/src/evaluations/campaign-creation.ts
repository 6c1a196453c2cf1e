import { Injectable } from '@nestjs/common';
import { AuditLog } from '@linli/platform';
import { EntityManager } from 'typeorm';
import {
  DEFAULT_CATEGORY_WEIGHTS,
  DEFAULT_RATER_WEIGHTS,
  DEFAULT_RECTIFICATION_BELOW,
  EVALUATION_CATEGORIES,
  RATER_KINDS,
  weightsValid,
} from './evaluation-defaults';
import { CampaignRecord, EvaluationsRepository } from './evaluations.repository';
import { EvaluationsCode, EvaluationsException } from './evaluations.exception';

export interface CampaignRequest {
  unit: { id: string; path: string };
  period: string;
  opensAt: Date;
  closesAt: Date;
  raterWeights?: Record<string, number>;
  categoryWeights?: Record<string, number>;
  rectificationBelow?: number;
  by: { userId: string | null; job?: string };
}

/** Opens an evaluation campaign (defaults from evaluation-defaults.ts), audited; undefined when (unit, period) has one. */
@Injectable()
export class CampaignCreation {
  constructor(
    private readonly campaigns: EvaluationsRepository,
    private readonly audit: AuditLog,
  ) {}

  async create(manager: EntityManager, request: CampaignRequest): Promise<CampaignRecord | undefined> {
    const raterWeights = request.raterWeights ?? DEFAULT_RATER_WEIGHTS;
    const categoryWeights = request.categoryWeights ?? DEFAULT_CATEGORY_WEIGHTS;
    if (!weightsValid(raterWeights, RATER_KINDS) || !weightsValid(categoryWeights, EVALUATION_CATEGORIES))
      throw new EvaluationsException(EvaluationsCode.WeightsInvalid);
    const campaign = await this.campaigns.insert(manager, {
      unitId: request.unit.id,
      unitPath: request.unit.path,
      period: request.period,
      opensAt: request.opensAt,
      closesAt: request.closesAt,
      raterWeights,
      categoryWeights,
      rectificationBelow: request.rectificationBelow ?? DEFAULT_RECTIFICATION_BELOW,
      createdByUserId: request.by.userId,
      createdByJob: request.by.job ?? null,
    });
    if (!campaign) return undefined;
    await this.audit.record(
      {
        action: 'property.evaluation-opened',
        targetType: 'property-campaign',
        targetId: campaign.id,
        unitId: campaign.unitId,
        unitPath: campaign.unitPath,
        data: { period: campaign.period, job: request.by.job ?? null },
        ...(request.by.job ? { actorUserId: null } : {}),
      },
      manager,
    );
    return campaign;
  }
}
