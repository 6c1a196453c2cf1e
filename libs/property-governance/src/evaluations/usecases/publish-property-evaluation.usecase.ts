import { Injectable } from '@nestjs/common';
import { AuthenticatedUser, Clock, Permission, ScopedReferences, TransactionRunner } from '@linli/platform';
import { PropertyEvaluationCampaignDto } from '../dto/property-evaluation.dto';
import { EvaluationPublishing } from '../evaluation-publishing';
import { CampaignRecord, campaignView, EvaluationsRepository } from '../evaluations.repository';
import { EvaluationsCode, EvaluationsException } from '../evaluations.exception';

/** `POST /property/evaluations/:id/publish` (property.decide at the campaign's unit): scores, grades, ranks, orders. */
@Injectable()
export class PublishPropertyEvaluationUseCase {
  constructor(
    private readonly references: ScopedReferences,
    private readonly campaigns: EvaluationsRepository,
    private readonly publishing: EvaluationPublishing,
    private readonly transactions: TransactionRunner,
    private readonly clock: Clock,
  ) {}

  async execute(user: AuthenticatedUser, id: string): Promise<PropertyEvaluationCampaignDto> {
    await this.references.reachOne(user, Permission.PropertyDecide, 'property-campaign', id);
    return this.transactions.run(async (manager) => {
      const campaign = (await this.campaigns.readOne(manager, id, 'update')) as CampaignRecord;
      if (!(await this.publishing.publish(manager, campaign, { userId: user.userId }, this.clock.now())))
        throw new EvaluationsException(EvaluationsCode.CampaignClosed, { detail: '评价结果已公布' });
      return campaignView((await this.campaigns.readOne(manager, id)) as CampaignRecord);
    });
  }
}
