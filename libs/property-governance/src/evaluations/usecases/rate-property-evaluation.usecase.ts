import { Injectable } from '@nestjs/common';
import { OrganizationDirectory } from '@linli/organization';
import {
  AuthenticatedUser,
  BusinessCalendar,
  Clock,
  NotFoundProblem,
  Permission,
  TransactionRunner,
} from '@linli/platform';
import { PropertyAccess } from '../../access/property-access';
import { headKeyOf } from '../../decisions/electorate-counting';
import { PropertyEvaluationRatingDto } from '../dto/property-evaluation.dto';
import { RatePropertyEvaluationDto } from '../dto/create-property-evaluation.dto';
import { ratingTotal } from '../evaluation-defaults';
import { CampaignRecord, EvaluationsRepository } from '../evaluations.repository';
import { EvaluationsCode, EvaluationsException } from '../evaluations.exception';

const within = (path: string, ancestor: string): boolean => path === ancestor || path.startsWith(`${ancestor}.`);

/**
 * `POST /property/evaluations/:id/ratings`. An owner rates as `owner` for their head(s) at the complex
 * (the head key of their current parts, as the electorate counts it: co-owners of one part share one
 * head, one buyer's parts are one head): once per head, a co-owner's second rating is 409
 * `property.already-rated`. Staff with property.manage at the complex record the committee's, the
 * branch's or the community's rating, once per kind. The company rated is the complex's current
 * contract's (409 `property.no-contract`). Only while the campaign is open (409 `property.campaign-closed`).
 */
@Injectable()
export class RatePropertyEvaluationUseCase {
  constructor(
    private readonly campaigns: EvaluationsRepository,
    private readonly directory: OrganizationDirectory,
    private readonly access: PropertyAccess,
    private readonly transactions: TransactionRunner,
    private readonly calendar: BusinessCalendar,
    private readonly clock: Clock,
  ) {}

  async execute(
    user: AuthenticatedUser,
    id: string,
    body: RatePropertyEvaluationDto,
  ): Promise<PropertyEvaluationRatingDto> {
    const campaign = await this.campaigns.readOne(undefined, id);
    const complex = (await this.directory.units.byIds([body.complexId])).get(body.complexId);
    if (!campaign || !complex || complex.kind !== 'complex' || !within(complex.path, campaign.unitPath))
      throw new NotFoundProblem('该物业评价活动');
    const personId =
      body.raterKind === 'owner' ? await this.access.ownerWithin(user, complex.path, '该物业评价活动') : undefined;
    if (body.raterKind !== 'owner') await this.access.complex(user, Permission.PropertyManage, complex.id);
    const categories = Object.keys(campaign.categoryWeights);
    const scores = body.scores;
    if (
      Object.keys(scores).some((key) => !categories.includes(key)) ||
      categories.some((key) => typeof scores[key] !== 'number' || !(scores[key] >= 0 && scores[key] <= 100))
    )
      throw new EvaluationsException(EvaluationsCode.ScoresInvalid, { extensions: { categories } });
    const total = ratingTotal(scores, campaign.categoryWeights);
    return this.transactions.run(async (manager) => {
      const locked = (await this.campaigns.readOne(manager, id, 'share')) as CampaignRecord;
      const now = this.clock.now();
      if (locked.status !== 'open' || now < locked.opensAt || now >= locked.closesAt)
        throw new EvaluationsException(EvaluationsCode.CampaignClosed);
      const companyId = await this.campaigns.currentCompany(manager, complex.id, this.calendar.localDate(now));
      if (!companyId) throw new EvaluationsException(EvaluationsCode.NoContract);
      const keys = personId
        ? [
            ...new Set(
              (await this.campaigns.ownedParts(manager, complex.id, personId)).map((part) =>
                headKeyOf({ id: part.id, status: part.status, ownerPersonIds: part.owners }),
              ),
            ),
          ]
        : [body.raterKind];
      let inserted = 0;
      for (const raterKey of keys)
        if (
          await this.campaigns.insertRating(manager, {
            campaignId: id,
            complexId: complex.id,
            companyId,
            raterKind: body.raterKind,
            raterKey,
            scores,
            total,
            userId: user.userId,
            now,
          })
        )
          inserted += 1;
      if (inserted === 0) throw new EvaluationsException(EvaluationsCode.AlreadyRated);
      return { campaignId: id, complexId: complex.id, companyId, raterKind: body.raterKind, total };
    });
  }
}
