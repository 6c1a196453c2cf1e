import { ProblemDefinition, ProblemException, problemFrom, ProblemInit } from '@linli/platform';

/** Problem codes of meetings, attendance, minutes and joint meetings. Never renamed once released. */
export enum MeetingsCode {
  /** Ends before it starts. */
  MeetingTimes = 'deliberation.meeting-times',
  /** The kind's notice period does not fit before the start (`earliestStart` says when it could start). */
  NoticeTooShort = 'deliberation.meeting-notice-too-short',
  /** The kind may not be held at that unit (a joint meeting at a community only). */
  MeetingUnitKind = 'deliberation.meeting-unit-kind',
  /** An agenda topic lies outside the meeting's unit. */
  AgendaTopicOutsideUnit = 'deliberation.agenda-topic-outside-unit',
  /** The meeting was cancelled, or already held when cancelling. */
  MeetingNotScheduled = 'deliberation.meeting-not-scheduled',
  /** Attendance or minutes before the meeting started. */
  MeetingNotStarted = 'deliberation.meeting-not-started',
  CheckInClosed = 'deliberation.check-in-closed',
  CheckInCodeInvalid = 'deliberation.check-in-code-invalid',
  MinutesRecorded = 'deliberation.minutes-recorded',
  MinutesTopicNotOnAgenda = 'deliberation.minutes-topic-not-on-agenda',
  /** A joint-meeting action on another kind of meeting. */
  NotJointMeeting = 'deliberation.not-joint-meeting',
  /** The organization is not an active member of the community's joint meeting. */
  NotJointMember = 'deliberation.not-joint-member',
  JointMemberExists = 'deliberation.joint-member-exists',
  JointMemberLeft = 'deliberation.joint-member-left',
}

const CATALOGUE: Record<MeetingsCode, ProblemDefinition> = {
  [MeetingsCode.MeetingTimes]: {
    status: 400,
    title: 'Meeting times inconsistent',
    detail: '会议结束时间须晚于开始时间',
  },
  [MeetingsCode.NoticeTooShort]: {
    status: 409,
    title: 'Notice period too short',
    detail: '距会议开始的时间短于该类会议的通知期限',
  },
  [MeetingsCode.MeetingUnitKind]: {
    status: 400,
    title: 'Meeting kind not allowed at this unit',
    detail: '党建联席会议只能在社区召开',
  },
  [MeetingsCode.AgendaTopicOutsideUnit]: {
    status: 400,
    title: 'Agenda topic outside the unit',
    detail: '议程中的议题不属于本会议所在单位',
  },
  [MeetingsCode.MeetingNotScheduled]: {
    status: 409,
    title: 'Meeting not scheduled',
    detail: '会议已取消或已召开',
  },
  [MeetingsCode.MeetingNotStarted]: { status: 409, title: 'Meeting not started', detail: '会议尚未开始' },
  [MeetingsCode.CheckInClosed]: {
    status: 409,
    title: 'Check-in closed',
    detail: '不在签到时间内（会议开始前30分钟至结束后30分钟）',
  },
  [MeetingsCode.CheckInCodeInvalid]: { status: 400, title: 'Invalid check-in code', detail: '签到码错误或已过期' },
  [MeetingsCode.MinutesRecorded]: { status: 409, title: 'Minutes recorded already', detail: '会议纪要已登记' },
  [MeetingsCode.MinutesTopicNotOnAgenda]: {
    status: 400,
    title: 'Topic not on the agenda',
    detail: '纪要中的决定须针对本次会议议程中的议题',
  },
  [MeetingsCode.NotJointMeeting]: {
    status: 409,
    title: 'Not a joint meeting',
    detail: '仅党建联席会议登记成员单位出席',
  },
  [MeetingsCode.NotJointMember]: {
    status: 400,
    title: 'Not a joint-meeting member',
    detail: '该党组织不是本社区党建联席会议的成员单位',
  },
  [MeetingsCode.JointMemberExists]: {
    status: 409,
    title: 'Already a member',
    detail: '该党组织已是本社区党建联席会议的成员单位',
  },
  [MeetingsCode.JointMemberLeft]: { status: 409, title: 'Member left already', detail: '该成员单位已退出' },
};

export class MeetingsException extends ProblemException {
  constructor(code: MeetingsCode, extra?: Partial<ProblemInit>) {
    super(problemFrom(code, CATALOGUE, extra));
  }
}
