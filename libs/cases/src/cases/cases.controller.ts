import { Body, Controller, Get, HttpCode, Post, Query } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import {
  AnyAuthenticated,
  AuthenticatedUser,
  CurrentUser,
  Permission,
  RequirePermission,
  UuidParam,
} from '@linli/platform';
import { CasesService } from './cases.service';
import {
  CaseNoteDto,
  CaseReasonDto,
  CaseVisitDto,
  DispatchCaseDto,
  HandleCaseDto,
  RejectCaseDto,
  RevealCaseDto,
  VerifyCaseDto,
} from './dto/case-actions.dto';
import { CaseDto, CasePageDto, CasesQueryDto, CaseStepListDto, RevealedCaseDto } from './dto/case.dto';
import { CreateCaseDto } from './dto/create-case.dto';
import { DispatchCaseUseCase } from './usecases/dispatch-case.usecase';
import { EscalateCaseUseCase } from './usecases/escalate-case.usecase';
import { FollowUpCaseUseCase } from './usecases/follow-up-case.usecase';
import { RegisterCaseUseCase } from './usecases/register-case.usecase';
import { ReportCaseUseCase } from './usecases/report-case.usecase';
import { RevealCaseUseCase } from './usecases/reveal-case.usecase';
import { SuspendCaseUseCase } from './usecases/suspend-case.usecase';
import { WorkCaseUseCase } from './usecases/work-case.usecase';

const STEP = 'cases.status: the action does not apply to the current status (currentStatus, allowedFrom)';
const OUTSIDE = 'resource.not-found: unknown or outside your scope';

@ApiTags('cases/cases')
@Controller('cases')
export class CasesController {
  constructor(
    private readonly cases: CasesService,
    private readonly report: ReportCaseUseCase,
    private readonly registration: RegisterCaseUseCase,
    private readonly dispatching: DispatchCaseUseCase,
    private readonly escalation: EscalateCaseUseCase,
    private readonly work: WorkCaseUseCase,
    private readonly followUp: FollowUpCaseUseCase,
    private readonly suspension: SuspendCaseUseCase,
    private readonly reveal: RevealCaseUseCase,
  ) {}

  @Post()
  @AnyAuthenticated()
  @ApiOperation({
    summary: 'Report a case (诉求、矛盾纠纷、安全隐患) from any channel',
    description:
      'Staff with cases.handle at the unit: any channel, registered at once unless they report it as themselves. Residents: as themselves, channel resident or mobile_grid, for a unit in their community; it waits for registration. Starts at the lowest level above the unit. Audited.',
  })
  @ApiCreatedResponse({ type: CaseDto })
  @ApiBadRequestResponse({
    description: 'validation.failed; cases.unknown-category; cases.no-level; cases.resident-report; cases.parties',
  })
  @ApiNotFoundResponse({ description: 'resource.not-found: unit, reporter or party outside your scope' })
  create(@CurrentUser() user: AuthenticatedUser, @Body() body: CreateCaseDto): Promise<CaseDto> {
    return this.report.execute(user, body);
  }

  @Get()
  @AnyAuthenticated()
  @ApiOperation({ summary: 'Cases in your scope (staff) or that you reported (residents), newest first' })
  @ApiOkResponse({ type: CasePageDto })
  @ApiNotFoundResponse({ description: 'resource.not-found: unitId unknown or outside your scope' })
  list(@CurrentUser() user: AuthenticatedUser, @Query() query: CasesQueryDto): Promise<CasePageDto> {
    return this.cases.list(user, query);
  }

  @Get(':id')
  @AnyAuthenticated()
  @ApiOperation({ summary: 'One case, with its clock, level, tasks and counts' })
  @ApiOkResponse({ type: CaseDto })
  @ApiNotFoundResponse({ description: OUTSIDE })
  one(@CurrentUser() user: AuthenticatedUser, @UuidParam('id') id: string): Promise<CaseDto> {
    return this.cases.one(user, id);
  }

  @Get(':id/steps')
  @AnyAuthenticated()
  @ApiOperation({ summary: "A case's steps, oldest first: who moved it, from what to what, at which level" })
  @ApiOkResponse({ type: CaseStepListDto })
  @ApiNotFoundResponse({ description: OUTSIDE })
  steps(@CurrentUser() user: AuthenticatedUser, @UuidParam('id') id: string): Promise<CaseStepListDto> {
    return this.cases.steps(user, id);
  }

  @Post(':id/register')
  @HttpCode(200)
  @RequirePermission(Permission.CasesHandle)
  @ApiOperation({
    summary: 'Register (立案): the resolution clock starts; reporters told; a hazard earns its reporter points',
  })
  @ApiOkResponse({ type: CaseDto })
  @ApiForbiddenResponse({ description: 'cases.self-authorization: you reported it' })
  @ApiNotFoundResponse({ description: OUTSIDE })
  @ApiConflictResponse({ description: STEP })
  register(@CurrentUser() user: AuthenticatedUser, @UuidParam('id') id: string): Promise<CaseDto> {
    return this.registration.register(user, id);
  }

  @Post(':id/reject')
  @HttpCode(200)
  @RequirePermission(Permission.CasesHandle)
  @ApiOperation({ summary: 'Reject (不予受理); a duplicate is merged into the case it repeats, keeping its reporters' })
  @ApiOkResponse({ type: CaseDto })
  @ApiBadRequestResponse({ description: 'validation.failed; cases.duplicate' })
  @ApiNotFoundResponse({ description: OUTSIDE })
  @ApiConflictResponse({ description: STEP })
  reject(
    @CurrentUser() user: AuthenticatedUser,
    @UuidParam('id') id: string,
    @Body() body: RejectCaseDto,
  ): Promise<CaseDto> {
    return this.registration.reject(user, id, body);
  }

  @Post(':id/dispatch')
  @HttpCode(200)
  @RequirePermission(Permission.CasesHandle)
  @ApiOperation({ summary: 'Dispatch (派遣) to a level, a handler, and departments for joint handling (联办)' })
  @ApiOkResponse({ type: CaseDto })
  @ApiBadRequestResponse({ description: 'validation.failed; cases.level; cases.department' })
  @ApiNotFoundResponse({ description: 'resource.not-found: the case, a department or the handler' })
  @ApiConflictResponse({ description: STEP })
  dispatch(
    @CurrentUser() user: AuthenticatedUser,
    @UuidParam('id') id: string,
    @Body() body: DispatchCaseDto,
  ): Promise<CaseDto> {
    return this.dispatching.execute(user, id, body);
  }

  @Post(':id/start')
  @HttpCode(200)
  @RequirePermission(Permission.CasesHandle)
  @ApiOperation({ summary: 'Take it up (处置): the response, measured against the response limit' })
  @ApiOkResponse({ type: CaseDto })
  @ApiNotFoundResponse({ description: OUTSIDE })
  @ApiConflictResponse({ description: STEP })
  start(
    @CurrentUser() user: AuthenticatedUser,
    @UuidParam('id') id: string,
    @Body() body: CaseNoteDto,
  ): Promise<CaseDto> {
    return this.work.start(user, id, body);
  }

  @Post(':id/escalate')
  @HttpCode(200)
  @RequirePermission(Permission.CasesHandle)
  @ApiOperation({
    summary: 'Escalate (上报) to the next level; the job does it by itself when a level runs out of time',
  })
  @ApiOkResponse({ type: CaseDto })
  @ApiNotFoundResponse({ description: OUTSIDE })
  @ApiConflictResponse({ description: `${STEP}; cases.top-level` })
  escalate(
    @CurrentUser() user: AuthenticatedUser,
    @UuidParam('id') id: string,
    @Body() body: CaseReasonDto,
  ): Promise<CaseDto> {
    return this.escalation.execute(user, id, body);
  }

  @Post(':id/handle')
  @HttpCode(200)
  @RequirePermission(Permission.CasesHandle)
  @ApiOperation({ summary: 'Feed back (反馈) what was done; refused while a joint-handling task is open' })
  @ApiOkResponse({ type: CaseDto })
  @ApiNotFoundResponse({ description: OUTSIDE })
  @ApiConflictResponse({ description: `${STEP}; cases.tasks-open` })
  handle(
    @CurrentUser() user: AuthenticatedUser,
    @UuidParam('id') id: string,
    @Body() body: HandleCaseDto,
  ): Promise<CaseDto> {
    return this.work.handle(user, id, body);
  }

  @Post(':id/tasks/:taskId/done')
  @HttpCode(200)
  @RequirePermission(Permission.CasesHandle)
  @ApiOperation({ summary: "A department's task is done; the last one hands the case back as handled" })
  @ApiOkResponse({ type: CaseDto })
  @ApiNotFoundResponse({ description: OUTSIDE })
  @ApiConflictResponse({ description: `${STEP}; cases.task-not-open` })
  completeTask(
    @CurrentUser() user: AuthenticatedUser,
    @UuidParam('id') id: string,
    @UuidParam('taskId') taskId: string,
    @Body() body: CaseNoteDto,
  ): Promise<CaseDto> {
    return this.work.completeTask(user, id, taskId, body);
  }

  @Post(':id/verify')
  @HttpCode(200)
  @AnyAuthenticated()
  @ApiOperation({ summary: 'Verify (核查) by staff or a reporter; failed returns the case as rework (返工)' })
  @ApiOkResponse({ type: CaseDto })
  @ApiForbiddenResponse({ description: 'cases.self-authorization: you handled it' })
  @ApiNotFoundResponse({ description: OUTSIDE })
  @ApiConflictResponse({ description: STEP })
  verify(
    @CurrentUser() user: AuthenticatedUser,
    @UuidParam('id') id: string,
    @Body() body: VerifyCaseDto,
  ): Promise<CaseDto> {
    return this.work.verify(user, id, body);
  }

  @Post(':id/close')
  @HttpCode(200)
  @RequirePermission(Permission.CasesHandle)
  @ApiOperation({ summary: 'Close (结案); on time within the resolution deadline; reporters invited to rate it' })
  @ApiOkResponse({ type: CaseDto })
  @ApiNotFoundResponse({ description: OUTSIDE })
  @ApiConflictResponse({ description: STEP })
  close(
    @CurrentUser() user: AuthenticatedUser,
    @UuidParam('id') id: string,
    @Body() body: CaseNoteDto,
  ): Promise<CaseDto> {
    return this.work.close(user, id, body);
  }

  @Post(':id/visits')
  @HttpCode(200)
  @AnyAuthenticated()
  @ApiOperation({ summary: 'Follow-up visit (回访): 满意 / 基本满意 / 不满意; unsatisfied reopens the case' })
  @ApiOkResponse({ type: CaseDto })
  @ApiForbiddenResponse({ description: 'cases.self-authorization: you handled it' })
  @ApiNotFoundResponse({ description: OUTSIDE })
  @ApiConflictResponse({ description: STEP })
  visit(
    @CurrentUser() user: AuthenticatedUser,
    @UuidParam('id') id: string,
    @Body() body: CaseVisitDto,
  ): Promise<CaseDto> {
    return this.followUp.execute(user, id, body);
  }

  @Post(':id/suspend')
  @HttpCode(200)
  @RequirePermission(Permission.CasesHandle)
  @ApiOperation({ summary: 'Suspend (挂起) with a reason: the clock stops' })
  @ApiOkResponse({ type: CaseDto })
  @ApiNotFoundResponse({ description: OUTSIDE })
  @ApiConflictResponse({ description: STEP })
  suspend(
    @CurrentUser() user: AuthenticatedUser,
    @UuidParam('id') id: string,
    @Body() body: CaseReasonDto,
  ): Promise<CaseDto> {
    return this.suspension.suspend(user, id, body);
  }

  @Post(':id/resume')
  @HttpCode(200)
  @RequirePermission(Permission.CasesHandle)
  @ApiOperation({ summary: 'Resume: back to its status, deadlines moved by the time suspended' })
  @ApiOkResponse({ type: CaseDto })
  @ApiNotFoundResponse({ description: OUTSIDE })
  @ApiConflictResponse({ description: STEP })
  resume(@CurrentUser() user: AuthenticatedUser, @UuidParam('id') id: string): Promise<CaseDto> {
    return this.suspension.resume(user, id);
  }

  @Post(':id/reveal')
  @HttpCode(200)
  @RequirePermission(Permission.CasesReveal)
  @ApiOperation({
    summary: 'Reveal the reporters (anonymous ones too) and the parties to a dispute',
    description: 'Audited as cases.identity-revealed with the reason and the people revealed.',
  })
  @ApiOkResponse({ type: RevealedCaseDto })
  @ApiNotFoundResponse({ description: OUTSIDE })
  revealIdentities(
    @CurrentUser() user: AuthenticatedUser,
    @UuidParam('id') id: string,
    @Body() body: RevealCaseDto,
  ): Promise<RevealedCaseDto> {
    return this.reveal.execute(user, id, body);
  }
}
