import { Inject, Injectable, Optional } from '@nestjs/common';
import { Clock, queryRows } from '@linli/platform';
import { DateTime } from 'luxon';
import { DataSource } from 'typeorm';
import { VolunteerLevelDto } from './dto/volunteer-level.dto';
import { checkLevelTable, DEFAULT_VOLUNTEER_LEVELS, LEVEL_WINDOW_MONTHS, levelOf, POINTS_LEVEL_TABLE, VolunteerLevel } from './volunteer-levels';

/** A person's volunteer level from the redeemable points earned in the window. */
@Injectable()
export class PointsLevels {
  private readonly table: readonly VolunteerLevel[];

  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
    @Optional() @Inject(POINTS_LEVEL_TABLE) table?: readonly VolunteerLevel[],
  ) {
    this.table = checkLevelTable(table ?? DEFAULT_VOLUNTEER_LEVELS);
  }

  /**
   * Earned = credits (rules, awards, confirmed pending points) in the window, less the reversals of
   * credits; debits, expiries and refunds of spending are not earnings.
   */
  async earnedInWindow(personId: string): Promise<number> {
    const now = this.clock.now();
    const since = DateTime.fromJSDate(now).minus({ months: LEVEL_WINDOW_MONTHS }).toJSDate();
    const [row] = await queryRows<{ earned: string }>(
      this.dataSource.manager,
      `SELECT COALESCE(sum(e.amount), 0) AS earned
         FROM point_accounts a
         JOIN point_entries e ON e.account_id = a.id
         LEFT JOIN point_entries r ON r.id = e.reverses_entry_id
        WHERE a.owner_type = 'person' AND a.owner_id = $1 AND a.kind = 'redeemable'
          AND e.occurred_at > $2 AND e.occurred_at <= $3
          AND (e.kind = 'credit' OR (e.kind = 'reversal' AND r.kind = 'credit'))`,
      [personId, since, now],
    );
    return Math.max(0, Number(row?.earned ?? 0));
  }

  async of(personId: string): Promise<VolunteerLevelDto> {
    const earnedInWindow = await this.earnedInWindow(personId);
    const level = levelOf(earnedInWindow, this.table);
    return { code: level.code, display: level.display, earnedInWindow };
  }
}
