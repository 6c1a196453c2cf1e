import { Module } from '@nestjs/common';
import { PropertySettings } from './property-settings.service';
import { PropertySettingsRepository } from './settings.repository';

/** Domain face of the settings area: the deployment's property-governance settings, read by other areas. */
@Module({ providers: [PropertySettingsRepository, PropertySettings], exports: [PropertySettings] })
export class PropertySettingsModule {}
