import { ProblemDefinition, ProblemException, problemFrom, ProblemInit } from '@linli/platform';

/** Problem codes of topics and their six steps. Never renamed once released. */
export enum TopicsCode {
  /** The action belongs to another step (e.g. an objection during collection). */
  ActionNotAllowed = 'deliberation.action-not-allowed',
  /** `advance` while the step's condition is unmet (reviews missing, no decision, notice not over, execution not finished). */
  StepConditionUnmet = 'deliberation.step-condition-unmet',
  /** The topic was withdrawn or merged into another, or is closed. */
  TopicInactive = 'deliberation.topic-inactive',
  UnknownCategory = 'deliberation.category-unknown',
  UnitKind = 'deliberation.unit-kind',
}

const CATALOGUE: Record<TopicsCode, ProblemDefinition> = {
  [TopicsCode.ActionNotAllowed]: {
    status: 409,
    title: 'Action not allowed in this step',
    detail: '议题当前所处步骤不允许此操作',
  },
  [TopicsCode.StepConditionUnmet]: {
    status: 409,
    title: 'Step conditions unmet',
    detail: '当前步骤的条件尚未满足，不能进入下一步',
  },
  [TopicsCode.TopicInactive]: { status: 409, title: 'Topic inactive', detail: '议题已撤回、合并或办结' },
  [TopicsCode.UnknownCategory]: { status: 400, title: 'Unknown category', detail: '议题类别不存在' },
  [TopicsCode.UnitKind]: {
    status: 400,
    title: 'Unit kind not allowed',
    detail: '议事只能在社区、网格、小区或楼栋开展',
  },
};

export class TopicsException extends ProblemException {
  constructor(code: TopicsCode, extra?: Partial<ProblemInit>) {
    super(problemFrom(code, CATALOGUE, extra));
  }
}
