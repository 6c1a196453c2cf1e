import { Module } from '@nestjs/common';
import { DeliberationSettingsController } from './deliberation-settings.controller';
import { SettingsModule } from './settings.module';

/** HTTP face of the settings area; mounted by the api. */
@Module({ imports: [SettingsModule], controllers: [DeliberationSettingsController] })
export class SettingsHttpModule {}
