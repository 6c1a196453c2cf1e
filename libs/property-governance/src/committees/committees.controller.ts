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
import { CommitteeRecords } from './committee-records.service';
import { CommitteesService } from './committees.service';
import {
  ChoosePropertyCommitteeOfficersDto,
  FilePropertyCommitteeDto,
  RecordPropertyCommitteeChangeDto,
  ReportPropertyCommitteeChangeDto,
} from './dto/committee-records.dto';
import { ElectPropertyCommitteeDto } from './dto/elect-property-committee.dto';
import { PropertyCommitteeDto, PropertyCommitteePageDto } from './dto/property-committee.dto';
import { PropertyCommitteesQueryDto } from './dto/property-committees-query.dto';
import { ElectPropertyCommitteeUseCase } from './usecases/elect-property-committee.usecase';

const NOT_FOUND = 'resource.not-found: unknown, or neither in your property scope nor a complex you own a part of';
const ENDED = 'property.committee-ended: the term ended or the committee was replaced';

@ApiTags('property-governance/committees')
@Controller('property/committees')
export class CommitteesController {
  constructor(
    private readonly committees: CommitteesService,
    private readonly records: CommitteeRecords,
    private readonly elect: ElectPropertyCommitteeUseCase,
  ) {}

  @Post()
  @RequirePermission(Permission.PropertyManage)
  @ApiOperation({
    summary: 'Record the owners’ committee (业主委员会) a passed committee_election decision elected',
    description:
      'Elected on the day the decision closed; 5–11 members, an odd number (a small complex: the settings’ minimum), all owners of the complex now; term at most 5 years. The complex’s previous committee ends that day. Publishes property.committee.elected; audited as property.committee-elected.',
  })
  @ApiCreatedResponse({ type: PropertyCommitteeDto })
  @ApiBadRequestResponse({
    description:
      'validation.failed; property.not-an-election; property.committee-size; property.committee-member-not-owner',
  })
  @ApiForbiddenResponse({ description: 'property.self-authorization: you are among the members' })
  @ApiNotFoundResponse({
    description: 'resource.not-found: the decision is unknown or outside your property.manage scope',
  })
  @ApiConflictResponse({
    description: 'property.election-not-passed; property.committee-exists; property.newer-committee-exists',
  })
  create(
    @CurrentUser() user: AuthenticatedUser,
    @Body() body: ElectPropertyCommitteeDto,
  ): Promise<PropertyCommitteeDto> {
    return this.elect.execute(user, body);
  }

  @Get()
  @AnyAuthenticated()
  @ApiOperation({
    summary: 'Committees you may see, newest first',
    description: 'Staff: in their property.read scope. Owners: of the complexes they own a part of.',
  })
  @ApiOkResponse({ type: PropertyCommitteePageDto })
  list(
    @CurrentUser() user: AuthenticatedUser,
    @Query() query: PropertyCommitteesQueryDto,
  ): Promise<PropertyCommitteePageDto> {
    return this.committees.list(user, query);
  }

  @Get(':id')
  @AnyAuthenticated()
  @ApiOperation({ summary: 'One committee: members and offices, deadlines, changes, flags' })
  @ApiOkResponse({ type: PropertyCommitteeDto })
  @ApiNotFoundResponse({ description: NOT_FOUND })
  get(@CurrentUser() user: AuthenticatedUser, @UuidParam('id') id: string): Promise<PropertyCommitteeDto> {
    return this.committees.get(user, id);
  }

  @Post(':id/officers')
  @HttpCode(200)
  @RequirePermission(Permission.PropertyManage)
  @ApiOperation({
    summary: 'Record the chair and vice-chair (due within 7 days of the election, 指导规则 第三十二条)',
    description:
      'The first choice resolves the officers-overdue flag; a later one is recorded as a change (to be reported). Audited.',
  })
  @ApiOkResponse({ type: PropertyCommitteeDto })
  @ApiBadRequestResponse({ description: 'validation.failed; property.committee-officers' })
  @ApiForbiddenResponse({ description: 'property.self-authorization: you are the chair or vice-chair' })
  @ApiNotFoundResponse({ description: 'resource.not-found: unknown or outside your property.manage scope' })
  @ApiConflictResponse({ description: ENDED })
  officers(
    @CurrentUser() user: AuthenticatedUser,
    @UuidParam('id') id: string,
    @Body() body: ChoosePropertyCommitteeOfficersDto,
  ): Promise<PropertyCommitteeDto> {
    return this.records.chooseOfficers(user, id, body);
  }

  @Post(':id/filing')
  @HttpCode(200)
  @RequirePermission(Permission.PropertyDecide)
  @ApiOperation({
    summary: 'Record the filing with the street office (due within 30 days of the election, 指导规则 第三十三条)',
    description: 'Once; resolves the filing-overdue flag. Audited as property.committee-filed.',
  })
  @ApiOkResponse({ type: PropertyCommitteeDto })
  @ApiBadRequestResponse({ description: 'validation.failed; property.committee-date' })
  @ApiNotFoundResponse({ description: 'resource.not-found: unknown or outside your property.decide scope' })
  @ApiConflictResponse({ description: `property.committee-filed; ${ENDED}` })
  file(
    @CurrentUser() user: AuthenticatedUser,
    @UuidParam('id') id: string,
    @Body() body: FilePropertyCommitteeDto,
  ): Promise<PropertyCommitteeDto> {
    return this.records.file(user, id, body);
  }

  @Post(':id/changes')
  @RequirePermission(Permission.PropertyManage)
  @ApiOperation({
    summary: 'Record a change of the committee (members leaving or joining), to be reported within 30 days',
    description:
      'Joining members are owners of the complex; at most 11 remain. A leaving chair or vice-chair leaves the office empty. Audited.',
  })
  @ApiCreatedResponse({ type: PropertyCommitteeDto })
  @ApiBadRequestResponse({
    description: 'validation.failed; property.committee-date; property.committee-change-members',
  })
  @ApiForbiddenResponse({ description: 'property.self-authorization: you are among the joining members' })
  @ApiNotFoundResponse({ description: 'resource.not-found: unknown or outside your property.manage scope' })
  @ApiConflictResponse({ description: ENDED })
  change(
    @CurrentUser() user: AuthenticatedUser,
    @UuidParam('id') id: string,
    @Body() body: RecordPropertyCommitteeChangeDto,
  ): Promise<PropertyCommitteeDto> {
    return this.records.recordChange(user, id, body);
  }

  @Post(':id/changes/:changeId/report')
  @HttpCode(200)
  @RequirePermission(Permission.PropertyDecide)
  @ApiOperation({ summary: 'Record that a change was reported to the street office; resolves its flag' })
  @ApiOkResponse({ type: PropertyCommitteeDto })
  @ApiBadRequestResponse({ description: 'validation.failed; property.committee-date' })
  @ApiNotFoundResponse({
    description: 'resource.not-found: the committee or its change is unknown or outside your property.decide scope',
  })
  @ApiConflictResponse({ description: `property.committee-change-reported; ${ENDED}` })
  report(
    @CurrentUser() user: AuthenticatedUser,
    @UuidParam('id') id: string,
    @UuidParam('changeId') changeId: string,
    @Body() body: ReportPropertyCommitteeChangeDto,
  ): Promise<PropertyCommitteeDto> {
    return this.records.reportChange(user, id, changeId, body);
  }
}
