import { ProblemDefinition, ProblemException, problemFrom, ProblemInit } from '@linli/platform';

/** Problem codes of activities, sign-ups, verification and hour requests. Never renamed once released. */
export enum ActivitiesCode {
  ActivityTimes = 'volunteers.activity-times',
  SignupClosed = 'volunteers.signup-closed',
  Overlap = 'volunteers.activity-overlap',
  CancelClosed = 'volunteers.signup-cancel-closed',
  NotVerified = 'volunteers.attendance-not-verified',
  VerifierOnly = 'volunteers.verifier-only',
  HourRequestDecided = 'volunteers.hour-request-decided',
  HourRequestFuture = 'volunteers.hour-request-future',
}

const CATALOGUE: Record<ActivitiesCode, ProblemDefinition> = {
  [ActivitiesCode.ActivityTimes]: {
    status: 400,
    title: 'Activity times inconsistent',
    detail: '活动结束时间须晚于开始时间，报名截止时间不能晚于结束时间',
  },
  [ActivitiesCode.SignupClosed]: { status: 409, title: 'Sign-up closed', detail: '报名已截止' },
  [ActivitiesCode.Overlap]: { status: 409, title: 'Overlapping activity', detail: '同一时间已报名其他活动' },
  [ActivitiesCode.CancelClosed]: { status: 409, title: 'Too late to cancel', detail: '已签到，不能取消报名' },
  [ActivitiesCode.NotVerified]: { status: 409, title: 'Attendance not verified', detail: '出勤尚未核验，请先核验' },
  [ActivitiesCode.VerifierOnly]: {
    status: 403,
    title: 'Organizer or verifier only',
    detail: '只有活动组织者或有核验权限的人员可以核验和更正时长',
  },
  [ActivitiesCode.HourRequestDecided]: {
    status: 409,
    title: 'Hour request decided already',
    detail: '该时长申请已处理',
  },
  [ActivitiesCode.HourRequestFuture]: {
    status: 400,
    title: 'Service date in the future',
    detail: '服务日期不能晚于今天',
  },
};

export class ActivitiesException extends ProblemException {
  constructor(code: ActivitiesCode, extra?: Partial<ProblemInit>) {
    super(problemFrom(code, CATALOGUE, extra));
  }
}
