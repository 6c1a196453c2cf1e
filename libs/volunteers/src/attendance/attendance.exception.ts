import { ProblemDefinition, ProblemException, problemFrom, ProblemInit } from '@linli/platform';

/**
 * Problem codes of attendance, shared by activities and service posts' shifts: why a check-in or
 * check-out at a session is refused (the same codes wherever a venue code is scanned), and why a
 * verification without hours is. Never renamed once released.
 */
export enum CheckInCode {
  CodeInvalid = 'volunteers.check-in-code-invalid',
  Closed = 'volunteers.check-in-closed',
  TooFar = 'volunteers.check-in-too-far',
  LocationRequired = 'volunteers.check-in-location-required',
  NotSignedUp = 'volunteers.not-signed-up',
  NotCheckedIn = 'volunteers.not-checked-in',
  AttendanceVerified = 'volunteers.attendance-verified',
  /** Verifying named people without `hours`: one of them did not check out. */
  NotCheckedOut = 'volunteers.not-checked-out',
}

const CATALOGUE: Record<CheckInCode, ProblemDefinition> = {
  [CheckInCode.CodeInvalid]: {
    status: 400,
    title: 'Check-in code wrong or expired',
    detail: '签到码错误或已过期，请扫描现场最新的签到码',
  },
  [CheckInCode.Closed]: {
    status: 409,
    title: 'Check-in closed',
    detail: '不在签到时间内（活动开始前 30 分钟至结束后 30 分钟）',
  },
  [CheckInCode.TooFar]: { status: 400, title: 'Too far from the venue', detail: '您不在活动地点附近，无法签到' },
  [CheckInCode.LocationRequired]: {
    status: 400,
    title: 'Location required',
    detail: '该活动需要定位签到，请提供当前位置（lat、lng）',
  },
  [CheckInCode.NotSignedUp]: { status: 409, title: 'Not signed up', detail: '未正式报名（候补或已取消报名不能签到）' },
  [CheckInCode.NotCheckedIn]: { status: 409, title: 'Not checked in', detail: '尚未签到，不能签退' },
  [CheckInCode.AttendanceVerified]: {
    status: 409,
    title: 'Attendance verified already',
    detail: '出勤已核验，不能再签到或签退',
  },
  [CheckInCode.NotCheckedOut]: {
    status: 409,
    title: 'Not checked out',
    detail: '尚未签退，请提供核定时长（hours）和理由',
  },
};

export class CheckInException extends ProblemException {
  constructor(code: CheckInCode, extra?: Partial<ProblemInit>) {
    super(problemFrom(code, CATALOGUE, extra));
  }
}
