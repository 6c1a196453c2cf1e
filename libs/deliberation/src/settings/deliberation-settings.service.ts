import { Injectable } from '@nestjs/common';
import { AuditLog, AuthenticatedUser, TransactionRunner } from '@linli/platform';
import { EntityManager } from 'typeorm';
import { DELIBERATION_SETTING_KEYS, DELIBERATION_SETTINGS, DeliberationSettingKey } from './deliberation-setting';
import { DeliberationSettingsRepository } from './deliberation-settings.repository';
import { SettingDto, SettingsDto } from './dto/setting.dto';
import { SettingsCode, SettingsException } from './settings.exception';

/**
 * The deployment's deliberation settings: a stored value for the unit kind, else for every kind,
 * else the default in `DELIBERATION_SETTINGS`. Changes are audited.
 */
@Injectable()
export class DeliberationSettings {
  constructor(
    private readonly repository: DeliberationSettingsRepository,
    private readonly transactions: TransactionRunner,
    private readonly audit: AuditLog,
  ) {}

  /** The value in force for a unit of `unitKind` (e.g. the co-signer threshold of a building's proposals). */
  async value(key: DeliberationSettingKey, unitKind = '*', manager?: EntityManager): Promise<number> {
    return (await this.repository.valueOf(key, unitKind, manager)) ?? DELIBERATION_SETTINGS[key].default;
  }

  async list(): Promise<SettingsDto> {
    const rows = await this.repository.all();
    return {
      items: DELIBERATION_SETTING_KEYS.map((key): SettingDto => {
        const definition = DELIBERATION_SETTINGS[key];
        return {
          key,
          description: definition.description,
          default: definition.default,
          min: definition.min,
          max: definition.max,
          values: rows.filter((row) => row.key === key).map((row) => ({ unitKind: row.unit_kind, value: row.value })),
        };
      }),
    };
  }

  async put(user: AuthenticatedUser, key: string, value: number, unitKind = '*'): Promise<SettingsDto> {
    const definition = this.definition(key);
    if (value < definition.min || value > definition.max)
      throw new SettingsException(SettingsCode.OutOfRange, {
        detail: `参数值须在 ${definition.min} 到 ${definition.max} 之间`,
        extensions: { min: definition.min, max: definition.max },
      });
    await this.transactions.run(async (manager) => {
      await this.repository.upsert(manager, key, unitKind, value, user.userId);
      await this.audit.record(
        {
          action: 'deliberation.setting-changed',
          targetType: 'deliberation-setting',
          targetId: null,
          data: { key, unitKind, value },
        },
        manager,
      );
    });
    return this.list();
  }

  /** Back to the default (or to the all-kinds value, for a per-kind value). */
  async reset(user: AuthenticatedUser, key: string, unitKind = '*'): Promise<SettingsDto> {
    this.definition(key);
    await this.transactions.run(async (manager) => {
      if (await this.repository.remove(manager, key, unitKind))
        await this.audit.record(
          {
            action: 'deliberation.setting-reset',
            targetType: 'deliberation-setting',
            targetId: null,
            data: { key, unitKind },
          },
          manager,
        );
    });
    return this.list();
  }

  private definition(key: string): (typeof DELIBERATION_SETTINGS)[DeliberationSettingKey] {
    if (!(DELIBERATION_SETTING_KEYS as string[]).includes(key))
      throw new SettingsException(SettingsCode.UnknownSetting);
    return DELIBERATION_SETTINGS[key as DeliberationSettingKey];
  }
}
