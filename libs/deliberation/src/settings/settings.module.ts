import { Module } from '@nestjs/common';
import { DeliberationSettingsRepository } from './deliberation-settings.repository';
import { DeliberationSettings } from './deliberation-settings.service';

const PROVIDERS = [DeliberationSettingsRepository, DeliberationSettings];

/** Domain face of the settings area: the deployment's deliberation settings, read by every area. */
@Module({ providers: PROVIDERS, exports: PROVIDERS })
export class SettingsModule {}
