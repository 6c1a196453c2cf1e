import { Injectable } from '@nestjs/common';
import { Scheduled, ScheduleContext } from '@linli/platform';
import { AssessmentRunSummary, QuarterlyAssessment } from './quarterly-assessment.service';

export const QUARTERLY_ASSESSMENT_SCHEDULE = 'points.quarterly-assessment';

/** 02:00 on the first day of each quarter (business time zone): assesses the quarter just ended, recorded in `job_runs`. */
@Injectable()
export class QuarterlyAssessmentJob {
  constructor(private readonly assessment: QuarterlyAssessment) {}

  @Scheduled({
    name: QUARTERLY_ASSESSMENT_SCHEDULE,
    cron: '0 2 1 1,4,7,10 *',
    period: 'quarter',
    periodOffset: 'previous',
  })
  async run(context: ScheduleContext): Promise<AssessmentRunSummary | { period: string; skipped: 'published' }> {
    // A quarter published before its scheduled run (computed by hand) keeps its results; only an explicit --force insists (and fails with points.assessment-published).
    if (!context.force && (await this.assessment.isPublished(context.period)))
      return { period: context.period.key, skipped: 'published' };
    return this.assessment.assess(context.period);
  }
}
