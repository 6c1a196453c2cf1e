import { Injectable } from '@nestjs/common';
import { AuthenticatedUser, NotFoundProblem, Permission, ScopeService } from '@linli/platform';
import { DataSource } from 'typeorm';
import { UnitKind } from '../units/unit-kind';

/** The unit an analytics question is about. */
export interface AnalyticsUnit {
  id: string;
  seq: string;
  kind: UnitKind;
  name: string;
  path: string;
  residents: number;
  households: number;
}

/** Loads the unit an analytics route names: 404 when unknown or outside the caller's `analytics.read` scope. */
@Injectable()
export class AnalyticsUnits {
  constructor(
    private readonly dataSource: DataSource,
    private readonly scope: ScopeService,
  ) {}

  async reachable(user: AuthenticatedUser, unitId: string): Promise<AnalyticsUnit> {
    const rows: AnalyticsUnit[] = await this.dataSource.query(
      `SELECT id, seq::text AS seq, kind, name, path, residents, households FROM units WHERE id = $1`,
      [unitId],
    );
    const unit = rows[0];
    if (!unit || !this.scope.canReach(user, Permission.AnalyticsRead, unit.path)) throw new NotFoundProblem('该单位');
    return unit;
  }
}
