import { BusinessCalendar, Period } from '../clock/business-calendar';
import { InvalidPeriodError } from './invalid-period.error';
import { ScheduledOptions } from './scheduled.options';

/**
 * The period a run covers: the key given (checked against the schedule's granularity), else the
 * period of the firing instant in the business calendar, or the one before it (`periodOffset: 'previous'`).
 */
export function resolveSchedulePeriod(
  calendar: BusinessCalendar,
  schedule: Pick<ScheduledOptions, 'name' | 'period' | 'periodOffset'>,
  at: { period?: string; firedAt: Date },
): Period {
  if (at.period !== undefined) {
    let period: Period;
    try {
      period = calendar.parse(at.period);
    } catch (error) {
      throw new InvalidPeriodError((error as Error).message);
    }
    if (period.granularity !== schedule.period) {
      throw new InvalidPeriodError(
        `"${schedule.name}" runs per ${schedule.period}; "${at.period}" is a ${period.granularity}`,
      );
    }
    return period;
  }
  return schedule.periodOffset === 'previous'
    ? calendar.previousPeriodOf(at.firedAt, schedule.period)
    : calendar.periodOf(at.firedAt, schedule.period);
}
