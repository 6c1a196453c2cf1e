import { Injectable } from '@nestjs/common';
import { queryRows } from '@linli/platform';
import { DataSource, EntityManager } from 'typeorm';

export interface CasesSettingRow {
  key: string;
  value: number;
  updated_by_user_id: string | null;
  updated_at: Date;
}

/** All SQL of the settings area (`case_settings`: one row per key the deployment has changed). */
@Injectable()
export class CasesSettingsRepository {
  constructor(private readonly dataSource: DataSource) {}

  async stored(manager: EntityManager = this.dataSource.manager): Promise<Map<string, CasesSettingRow>> {
    const rows = await queryRows<CasesSettingRow>(
      manager,
      `SELECT key, value, updated_by_user_id, updated_at FROM case_settings`,
      [],
    );
    return new Map(rows.map((row) => [row.key, row]));
  }

  async store(manager: EntityManager, key: string, value: number, userId: string): Promise<void> {
    await manager.query(
      `INSERT INTO case_settings (key, value, updated_by_user_id, updated_at) VALUES ($1, $2, $3, now())
       ON CONFLICT (key) DO UPDATE SET value = $2, updated_by_user_id = $3, updated_at = now()`,
      [key, value, userId],
    );
  }

  async forget(manager: EntityManager, key: string): Promise<boolean> {
    const rows = await queryRows<{ key: string }>(manager, `DELETE FROM case_settings WHERE key = $1 RETURNING key`, [
      key,
    ]);
    return rows.length > 0;
  }
}
