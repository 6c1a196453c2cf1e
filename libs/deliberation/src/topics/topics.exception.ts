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
  /** A category with this code exists already. */
  CategoryExists = 'deliberation.category-exists',
  /** The party has answered in this review round already. */
  ReviewRecorded = 'deliberation.review-recorded',
  /** The vote or meeting named as a decision's basis does not decide this topic (not passed, not adopted, other topic). */
  DecisionBasisInvalid = 'deliberation.decision-basis-invalid',
  /** A decision is recorded already for this resolution. */
  DecisionRecorded = 'deliberation.decision-recorded',
  /** The objection was decided already. */
  ObjectionDecided = 'deliberation.objection-decided',
  /** Execution progress never goes back. */
  ProgressBackwards = 'deliberation.progress-backwards',
  /** A resident rates a topic's outcome once. */
  AlreadyRated = 'deliberation.already-rated',
  /** Topics merge only into another active topic collecting opinions in the same community. */
  MergeInvalid = 'deliberation.merge-invalid',
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
  [TopicsCode.CategoryExists]: { status: 409, title: 'Category exists', detail: '该议题类别已存在' },
  [TopicsCode.ReviewRecorded]: {
    status: 409,
    title: 'Review already recorded',
    detail: '该联审单位本轮已提交意见',
  },
  [TopicsCode.DecisionBasisInvalid]: {
    status: 409,
    title: 'Decision basis invalid',
    detail: '决议依据无效：表决须属于本议题且已通过，会议须将本议题列入议程并在纪要中通过决定',
  },
  [TopicsCode.DecisionRecorded]: { status: 409, title: 'Decision already recorded', detail: '本议题已记录决议' },
  [TopicsCode.ObjectionDecided]: { status: 409, title: 'Objection already decided', detail: '该异议已处理' },
  [TopicsCode.ProgressBackwards]: {
    status: 409,
    title: 'Progress cannot go backwards',
    detail: '执行进度不能低于已登记的进度',
  },
  [TopicsCode.AlreadyRated]: { status: 409, title: 'Already rated', detail: '您已评价过该议题' },
  [TopicsCode.MergeInvalid]: {
    status: 409,
    title: 'Topics cannot be merged',
    detail: '只能合并到同一社区内另一个处于意见收集阶段的议题',
  },
};

export class TopicsException extends ProblemException {
  constructor(code: TopicsCode, extra?: Partial<ProblemInit>) {
    super(problemFrom(code, CATALOGUE, extra));
  }
}
