import { ProblemDefinition, ProblemException, problemFrom, ProblemInit } from '@linli/platform';

/** Problem codes of the working-day calendars. Never renamed once released. */
export enum CalendarCode {
  /** A date outside the year of the path. */
  CalendarYear = 'cases.calendar-year',
  /** A day both a holiday and a make-up working day. */
  CalendarConflict = 'cases.calendar-conflict',
  /** No calendar loaded for the year. */
  CalendarMissing = 'cases.calendar-missing',
}

const CATALOGUE: Record<CalendarCode, ProblemDefinition> = {
  [CalendarCode.CalendarYear]: { status: 400, title: 'Date of another year', detail: '日期不属于该年度' },
  [CalendarCode.CalendarConflict]: {
    status: 400,
    title: 'Holiday and working day at once',
    detail: '同一天不能既是节假日又是调休工作日',
  },
  [CalendarCode.CalendarMissing]: { status: 404, title: 'No calendar', detail: '尚未导入该年度的工作日历' },
};

export class CalendarException extends ProblemException {
  constructor(code: CalendarCode, extra?: Partial<ProblemInit>) {
    super(problemFrom(code, CATALOGUE, extra));
  }
}
