import { Injectable } from '@nestjs/common';
import { AuditLog, AuthenticatedUser, ProblemException, TransactionRunner } from '@linli/platform';
import { EntityManager } from 'typeorm';
import { CASES_SETTING_KEYS, CASES_SETTINGS, CasesSettingKey, isCasesSettingKey } from './cases-setting';
import { CasesSettingsRepository } from './cases-settings.repository';
import { CasesSettingsDto } from './dto/cases-setting.dto';

/** The deployment's cases settings: the stored value, else the default in `CASES_SETTINGS`. Changes are audited. */
@Injectable()
export class CasesSettings {
  constructor(
    private readonly repository: CasesSettingsRepository,
    private readonly transactions: TransactionRunner,
    private readonly audit: AuditLog,
  ) {}

  async value(key: CasesSettingKey, manager?: EntityManager): Promise<number> {
    return (await this.values(manager))[key];
  }

  async values(manager?: EntityManager): Promise<Record<CasesSettingKey, number>> {
    const stored = await this.repository.stored(manager);
    return Object.fromEntries(
      CASES_SETTING_KEYS.map((key) => [key, stored.get(key)?.value ?? CASES_SETTINGS[key].default]),
    ) as Record<CasesSettingKey, number>;
  }

  async list(): Promise<CasesSettingsDto> {
    const stored = await this.repository.stored();
    return {
      items: CASES_SETTING_KEYS.map((key) => {
        const definition = CASES_SETTINGS[key];
        const row = stored.get(key);
        return {
          key,
          description: definition.description,
          value: row?.value ?? definition.default,
          default: definition.default,
          min: definition.min,
          max: definition.max,
          updatedByUserId: row?.updated_by_user_id ?? null,
          updatedAt: row?.updated_at.toISOString() ?? null,
        };
      }),
    };
  }

  async put(user: AuthenticatedUser, key: string, value: number): Promise<CasesSettingsDto> {
    const { min, max } = CASES_SETTINGS[this.known(key)];
    if (value < min || value > max)
      throw new ProblemException({
        code: 'cases.setting-range',
        status: 400,
        title: 'Setting out of range',
        detail: `参数值须在 ${min} 到 ${max} 之间`,
        extensions: { min, max },
      });
    await this.transactions.run(async (manager) => {
      await this.repository.store(manager, key, value, user.userId);
      await this.audit.record(
        { action: 'cases.setting-changed', targetType: 'case-setting', targetId: key, data: { key, value } },
        manager,
      );
    });
    return this.list();
  }

  async reset(key: string): Promise<CasesSettingsDto> {
    this.known(key);
    await this.transactions.run(async (manager) => {
      if (await this.repository.forget(manager, key))
        await this.audit.record(
          { action: 'cases.setting-reset', targetType: 'case-setting', targetId: key, data: { key } },
          manager,
        );
    });
    return this.list();
  }

  private known(key: string): CasesSettingKey {
    if (!isCasesSettingKey(key))
      throw new ProblemException({
        code: 'cases.setting-unknown',
        status: 404,
        title: 'Unknown setting',
        detail: '没有该参数',
      });
    return key;
  }
}
