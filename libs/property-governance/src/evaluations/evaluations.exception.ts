import { ProblemDefinition, ProblemException, problemFrom, ProblemInit } from '@linli/platform';

/** Problem codes of evaluation campaigns, ratings, results and rectification orders. Never renamed once released. */
export enum EvaluationsCode {
  /** Rater or category weights: unknown keys, outside [0, 1], or not summing to 1. */
  WeightsInvalid = 'property.weights-invalid',
  /** A campaign of this unit and period exists already. */
  CampaignExists = 'property.campaign-exists',
  /** The period is not a half-year key (`2026H1`), or closesAt is not after opensAt. */
  CampaignPeriod = 'property.campaign-period',
  /** A campaign is run by a street or a district. */
  CampaignUnit = 'property.campaign-unit',
  /** Rating outside the campaign's open window, or on a published campaign; publishing it twice. */
  CampaignClosed = 'property.campaign-closed',
  /** The complex has no current service contract: there is no company to rate. */
  NoContract = 'property.no-contract',
  /** This head (owners) or this rater kind (staff) rated this complex in this campaign already. */
  AlreadyRated = 'property.already-rated',
  /** The scores do not give every category of the campaign a value in 0..100. */
  ScoresInvalid = 'property.scores-invalid',
  /** Results are shown once the campaign is published. */
  ResultsNotPublished = 'property.evaluation-not-published',
  /** A closed rectification order takes no follow-up and is not closed twice. */
  RectificationClosed = 'property.rectification-closed',
}

const CATALOGUE: Record<EvaluationsCode, ProblemDefinition> = {
  [EvaluationsCode.WeightsInvalid]: {
    status: 400,
    title: 'Weights invalid',
    detail: '权重须为 0 至 1 之间的数且合计为 1',
  },
  [EvaluationsCode.CampaignExists]: { status: 409, title: 'Campaign exists', detail: '该单位本期物业服务评价已发起' },
  [EvaluationsCode.CampaignPeriod]: {
    status: 400,
    title: 'Campaign period',
    detail: '评价期须为半年（如 2026H1），截止时间须晚于开始时间',
  },
  [EvaluationsCode.CampaignUnit]: { status: 400, title: 'Campaign unit', detail: '物业服务评价由街道或区发起' },
  [EvaluationsCode.CampaignClosed]: { status: 409, title: 'Campaign closed', detail: '评价未开始或已结束' },
  [EvaluationsCode.NoContract]: { status: 409, title: 'No contract', detail: '该小区当前没有物业服务合同' },
  [EvaluationsCode.AlreadyRated]: {
    status: 409,
    title: 'Already rated',
    detail: '已对该小区物业服务作出评价，不能重复评价',
  },
  [EvaluationsCode.ScoresInvalid]: {
    status: 400,
    title: 'Scores invalid',
    detail: '须对每个评价项目给出 0 至 100 的分数',
  },
  [EvaluationsCode.ResultsNotPublished]: { status: 409, title: 'Not published', detail: '评价结果尚未公布' },
  [EvaluationsCode.RectificationClosed]: { status: 409, title: 'Rectification closed', detail: '该整改通知已办结' },
};

export class EvaluationsException extends ProblemException {
  constructor(code: EvaluationsCode, extra?: Partial<ProblemInit>) {
    super(problemFrom(code, CATALOGUE, extra));
  }
}
