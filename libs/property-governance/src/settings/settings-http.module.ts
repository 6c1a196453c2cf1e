import { Module } from '@nestjs/common';
import { PropertySettingsController } from './property-settings.controller';
import { PropertySettingsModule } from './settings.module';

/** HTTP face of the settings area; mounted by the api. */
@Module({ imports: [PropertySettingsModule], controllers: [PropertySettingsController] })
export class PropertySettingsHttpModule {}
