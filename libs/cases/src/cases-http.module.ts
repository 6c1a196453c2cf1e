import { Module } from '@nestjs/common';
import { CalendarsController } from './calendar/calendars.controller';
import { CasesController } from './cases/cases.controller';
import { CasesModule } from './cases.module';
import { CategoriesController } from './categories/categories.controller';
import { DepartmentsController } from './departments/departments.controller';
import { HotlineIntakeController } from './intake/hotline-intake.controller';
import { RatesController } from './rates/rates.controller';
import { CasesSettingsController } from './settings/cases-settings.controller';

/** The cases HTTP face (mounted by the api), under `/api/v1/cases`. */
@Module({
  imports: [CasesModule],
  controllers: [
    CasesController,
    CalendarsController,
    CategoriesController,
    DepartmentsController,
    CasesSettingsController,
    RatesController,
    HotlineIntakeController,
  ],
})
export class CasesHttpModule {}
