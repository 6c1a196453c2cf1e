import { Module } from '@nestjs/common';
import { AnalyticsUnits } from './analytics-unit';
import { AnalyticsService } from './analytics.service';
import { SubtreeCountsReader } from './subtree-counts.reader';

/** Domain face of analytics: subtree counts (read model), coverage and blank spots. */
@Module({
  providers: [AnalyticsUnits, SubtreeCountsReader, AnalyticsService],
  exports: [AnalyticsUnits, SubtreeCountsReader, AnalyticsService],
})
export class AnalyticsModule {}
