import { Injectable } from '@nestjs/common';
import { queryRows } from '@linli/platform';
import { DataSource, EntityManager } from 'typeorm';

export interface SettingRow {
  key: string;
  unit_kind: string;
  value: number;
  updated_at: Date;
}

/** All SQL of the settings area (`deliberation_settings`). */
@Injectable()
export class DeliberationSettingsRepository {
  constructor(private readonly dataSource: DataSource) {}

  async all(manager: EntityManager = this.dataSource.manager): Promise<SettingRow[]> {
    return queryRows<SettingRow>(
      manager,
      `SELECT key, unit_kind, value, updated_at FROM deliberation_settings ORDER BY key, unit_kind`,
      [],
    );
  }

  /** The stored value for (key, unitKind) falling back to (key, '*'); undefined when neither is stored. */
  async valueOf(
    key: string,
    unitKind: string,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<number | undefined> {
    const rows = await queryRows<{ value: number }>(
      manager,
      `SELECT value FROM deliberation_settings WHERE key = $1 AND unit_kind IN ($2, '*')
        ORDER BY (unit_kind = '*') LIMIT 1`,
      [key, unitKind],
    );
    return rows[0]?.value;
  }

  async upsert(manager: EntityManager, key: string, unitKind: string, value: number, userId: string): Promise<void> {
    await manager.query(
      `INSERT INTO deliberation_settings (key, unit_kind, value, updated_by_user_id, updated_at)
       VALUES ($1, $2, $3, $4, now())
       ON CONFLICT (key, unit_kind) DO UPDATE SET value = EXCLUDED.value, updated_by_user_id = EXCLUDED.updated_by_user_id, updated_at = now()`,
      [key, unitKind, value, userId],
    );
  }

  async remove(manager: EntityManager, key: string, unitKind: string): Promise<boolean> {
    const rows = await queryRows<{ key: string }>(
      manager,
      `DELETE FROM deliberation_settings WHERE key = $1 AND unit_kind = $2 RETURNING key`,
      [key, unitKind],
    );
    return rows.length > 0;
  }
}
