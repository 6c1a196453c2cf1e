import { ProblemDefinition, ProblemException, problemFrom, ProblemInit } from '@linli/platform';

/** Problem codes of seats (交叉任职). Never renamed once released. */
export enum SeatsCode {
  /** The branch's officers are organization's records, the committee's members its own. */
  SeatDerived = 'property.seat-derived',
  /** The role is not one of the body's. */
  SeatRole = 'property.seat-role',
  /** Owner representatives are owners of the complex. */
  SeatNotOwner = 'property.seat-not-owner',
  /** The person holds this seat already. */
  SeatHeld = 'property.seat-held',
  /** The seat has ended already. */
  SeatEnded = 'property.seat-ended',
  /** An end before the start, or a start in the future. */
  SeatDates = 'property.seat-dates',
}

const CATALOGUE: Record<SeatsCode, ProblemDefinition> = {
  [SeatsCode.SeatDerived]: {
    status: 400,
    title: 'Seat is derived',
    detail: '党支部职务以党组织记录为准，业主委员会职务以业主委员会记录为准，无需登记',
  },
  [SeatsCode.SeatRole]: { status: 400, title: 'Role of another body', detail: '该职务不属于所选组织' },
  [SeatsCode.SeatNotOwner]: { status: 400, title: 'Not an owner', detail: '业主代表应当是本小区业主' },
  [SeatsCode.SeatHeld]: { status: 409, title: 'Seat held', detail: '该人员已担任此职务' },
  [SeatsCode.SeatEnded]: { status: 409, title: 'Seat ended', detail: '该职务已卸任' },
  [SeatsCode.SeatDates]: { status: 400, title: 'Seat dates', detail: '任职日期不得晚于今天，卸任日期不得早于任职日期' },
};

export class SeatsException extends ProblemException {
  constructor(code: SeatsCode, extra?: Partial<ProblemInit>) {
    super(problemFrom(code, CATALOGUE, extra));
  }
}
