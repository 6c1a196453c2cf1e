import { Injectable } from '@nestjs/common';
import { AuditLog, AuthenticatedUser, TransactionRunner } from '@linli/platform';
import { EntityManager } from 'typeorm';
import { PropertySettingDto, PropertySettingsDto } from './dto/property-setting.dto';
import { isPropertySettingKey, PROPERTY_SETTING_KEYS, propertySetting, PropertySettingKey } from './property-setting';
import { PropertySettingsRepository } from './settings.repository';
import { PropertySettingsCode, PropertySettingsException } from './settings.exception';

/**
 * The deployment's property-governance settings: the stored value, else the default in
 * `PROPERTY_SETTINGS`. Deployment-wide (no per-unit values). Changes are audited.
 */
@Injectable()
export class PropertySettings {
  constructor(
    private readonly repository: PropertySettingsRepository,
    private readonly transactions: TransactionRunner,
    private readonly audit: AuditLog,
  ) {}

  /** The value in force (e.g. the heads below which a complex may elect a smaller committee). */
  async value(key: PropertySettingKey, manager?: EntityManager): Promise<number> {
    return (await this.repository.valueOf(key, manager)) ?? propertySetting(key).default;
  }

  async list(): Promise<PropertySettingsDto> {
    const stored = await this.repository.stored();
    return {
      items: PROPERTY_SETTING_KEYS.map((key): PropertySettingDto => {
        const { default: fallback, min, max, odd, description } = propertySetting(key);
        const row = stored.get(key);
        return {
          key,
          description,
          value: row?.value ?? fallback,
          default: fallback,
          min,
          max,
          odd: odd ?? false,
          changed: row !== undefined,
          updatedByUserId: row?.updated_by_user_id ?? null,
          updatedAt: row?.updated_at.toISOString() ?? null,
        };
      }),
    };
  }

  async put(user: AuthenticatedUser, key: string, value: number): Promise<PropertySettingsDto> {
    this.check(this.known(key), value);
    await this.transactions.run(async (manager) => {
      await this.repository.store(manager, key, value, user.userId);
      await this.audit.record(
        { action: 'property.setting-changed', targetType: 'property-setting', targetId: key, data: { key, value } },
        manager,
      );
    });
    return this.list();
  }

  /** Back to the default; audited only when a value was stored. */
  async reset(key: string): Promise<PropertySettingsDto> {
    this.known(key);
    await this.transactions.run(async (manager) => {
      if (await this.repository.forget(manager, key))
        await this.audit.record(
          { action: 'property.setting-reset', targetType: 'property-setting', targetId: key, data: { key } },
          manager,
        );
    });
    return this.list();
  }

  private known(key: string): PropertySettingKey {
    if (!isPropertySettingKey(key)) throw new PropertySettingsException(PropertySettingsCode.Unknown);
    return key;
  }

  private check(key: PropertySettingKey, value: number): void {
    const { min, max, odd } = propertySetting(key);
    if (value < min || value > max)
      throw new PropertySettingsException(PropertySettingsCode.Range, {
        detail: `参数值须在 ${min} 到 ${max} 之间`,
        extensions: { min, max },
      });
    if (odd && value % 2 === 0) throw new PropertySettingsException(PropertySettingsCode.NotOdd);
  }
}
