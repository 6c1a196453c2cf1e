import { Module } from '@nestjs/common';
import { OrganizationDirectoryModule } from '@linli/organization';
import { CalendarsRepository } from './calendar/calendars.repository';
import { CalendarsService } from './calendar/calendars.service';
import { WorkingCalendar } from './calendar/working-calendar';
import { CasesAccess } from './access/cases-access';
import { CasesReferences } from './cases-references';
import { CasesPersonalData } from './personal-data/cases-personal-data';
import { CaseClock } from './cases/case-clock';
import { CaseEscalation } from './cases/case-escalation';
import { CaseLevels } from './cases/case-levels';
import { CaseRegistration } from './cases/case-registration';
import { CaseTransitions } from './cases/case-transitions';
import { CaseViews } from './cases/case-views';
import { CasesRepository } from './cases/cases.repository';
import { CasesService } from './cases/cases.service';
import { DispatchCaseUseCase } from './cases/usecases/dispatch-case.usecase';
import { EscalateCaseUseCase } from './cases/usecases/escalate-case.usecase';
import { FollowUpCaseUseCase } from './cases/usecases/follow-up-case.usecase';
import { RegisterCaseUseCase } from './cases/usecases/register-case.usecase';
import { ReportCaseUseCase } from './cases/usecases/report-case.usecase';
import { RevealCaseUseCase } from './cases/usecases/reveal-case.usecase';
import { SuspendCaseUseCase } from './cases/usecases/suspend-case.usecase';
import { WorkCaseUseCase } from './cases/usecases/work-case.usecase';
import { HotlineIntakeUseCase } from './intake/hotline-intake.usecase';
import { HotlineSignatureGuard } from './intake/hotline-signature.guard';
import { RankingsRepository } from './rates/rankings.repository';
import { RankingsService } from './rates/rankings.service';
import { RatesRepository } from './rates/rates.repository';
import { RatesService } from './rates/rates.service';
import { CasesSettingsRepository } from './settings/cases-settings.repository';
import { CasesSettings } from './settings/cases-settings.service';
import { CategoriesRepository } from './categories/categories.repository';
import { CategoriesService } from './categories/categories.service';
import { DepartmentsRepository } from './departments/departments.repository';
import { DepartmentsService } from './departments/departments.service';

const CATALOG = [
  CalendarsRepository,
  CalendarsService,
  WorkingCalendar,
  CategoriesRepository,
  CategoriesService,
  DepartmentsRepository,
  DepartmentsService,
];
const FLOW = [
  CasesRepository,
  CasesAccess,
  CaseViews,
  CaseClock,
  CaseLevels,
  CaseTransitions,
  CaseRegistration,
  CaseEscalation,
  CasesService,
  ReportCaseUseCase,
  RegisterCaseUseCase,
  DispatchCaseUseCase,
  EscalateCaseUseCase,
  WorkCaseUseCase,
  FollowUpCaseUseCase,
  SuspendCaseUseCase,
  RevealCaseUseCase,
];
const SETTINGS = [CasesSettingsRepository, CasesSettings];
const RATES = [RatesRepository, RatesService, RankingsRepository, RankingsService];
const INTAKE = [HotlineIntakeUseCase, HotlineSignatureGuard];
const PROVIDERS = [...CATALOG, ...SETTINGS, ...FLOW, ...RATES, ...INTAKE];

/** The cases domain face: calendars, categories, departments, cases and their flow, rates; registers its kinds. */
@Module({
  imports: [OrganizationDirectoryModule],
  providers: [CasesReferences, CasesPersonalData, ...PROVIDERS],
  exports: PROVIDERS,
})
export class CasesModule {}
