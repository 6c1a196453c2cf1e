import { ProblemDefinition, ProblemException, problemFrom, ProblemInit } from '@linli/platform';

/** Problem codes of the case flow. Never renamed once released. */
export enum CasesCode {
  /** The action does not apply to the case's status; `currentStatus` and `allowedFrom` say why. */
  Status = 'cases.status',
  /** The category code names no category. */
  UnknownCategory = 'cases.unknown-category',
  /** The unit has no grid, community, street or district above it to handle a case. */
  NoLevel = 'cases.no-level',
  /** The level asked for does not exist above the case's unit. */
  Level = 'cases.level',
  /** The district is the top: nothing to escalate to. */
  TopLevel = 'cases.top-level',
  /** Joint handling: a department's task is still open. */
  TasksOpen = 'cases.tasks-open',
  /** The task is unknown for this case or done already. */
  TaskNotOpen = 'cases.task-not-open',
  /** A department that is not at the case's street or district, or does not handle its category. */
  Department = 'cases.department',
  /** A duplicate must name the case it duplicates, which is not itself rejected. */
  Duplicate = 'cases.duplicate',
  /** Residents report with the `resident` (or `mobile_grid`) channel, for a unit in their community, as themselves. */
  ResidentReport = 'cases.resident-report',
  /** Parties are recorded for disputes only. */
  Parties = 'cases.parties',
}

const CATALOGUE: Record<CasesCode, ProblemDefinition> = {
  [CasesCode.Status]: { status: 409, title: 'Not in this status', detail: '案件当前状态不能办理此操作' },
  [CasesCode.UnknownCategory]: { status: 400, title: 'Unknown category', detail: '未找到该案件分类' },
  [CasesCode.NoLevel]: { status: 400, title: 'No handling level', detail: '该单位不在任何网格、社区、街道或区之下' },
  [CasesCode.Level]: { status: 400, title: 'No such level', detail: '该案件所在位置没有这一层级' },
  [CasesCode.TopLevel]: { status: 409, title: 'Top level', detail: '案件已在最高层级，无法继续上报' },
  [CasesCode.TasksOpen]: { status: 409, title: 'Tasks open', detail: '联办部门尚未全部办结' },
  [CasesCode.TaskNotOpen]: { status: 409, title: 'Task not open', detail: '该联办任务不存在或已办结' },
  [CasesCode.Department]: {
    status: 400,
    title: 'Department cannot take it',
    detail: '职能部门应属于案件所在街道或区，并负责该类案件',
  },
  [CasesCode.Duplicate]: { status: 400, title: 'Duplicate of what', detail: '重复案件须指明原案件（原案件未被驳回）' },
  [CasesCode.ResidentReport]: {
    status: 400,
    title: 'Resident report',
    detail: '居民只能以本人身份反映本社区的问题（渠道为居民反映或移动网格员）',
  },
  [CasesCode.Parties]: { status: 400, title: 'Parties of disputes only', detail: '只有矛盾纠纷案件登记当事人' },
};

export class CasesException extends ProblemException {
  constructor(code: CasesCode, extra?: Partial<ProblemInit>) {
    super(problemFrom(code, CATALOGUE, extra));
  }
}
