import { Body, Controller, Get, HttpCode, Patch, Post, Query } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiCreatedResponse,
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
  ThrottleRoute,
  UuidParam,
} from '@linli/platform';
import { CreatePersonDto } from './dto/create-person.dto';
import { PeopleLookupQueryDto } from './dto/people-lookup-query.dto';
import { PeopleQueryDto } from './dto/people-query.dto';
import { PeopleSearchQueryDto } from './dto/people-search-query.dto';
import { PersonHitPageDto } from './dto/person-hit.dto';
import { PersonLookupDto } from './dto/person-lookup.dto';
import { PersonPageDto } from './dto/person-page.dto';
import { PersonDto } from './dto/person.dto';
import { RevealedPersonDto } from './dto/revealed-person.dto';
import { RevealPersonDto } from './dto/reveal-person.dto';
import { UpdatePersonDto } from './dto/update-person.dto';
import { PeopleService } from './people.service';
import { LookupPeopleUseCase } from './usecases/lookup-people.usecase';
import { RevealPersonUseCase } from './usecases/reveal-person.usecase';
import { UpdatePersonUseCase } from './usecases/update-person.usecase';

@ApiTags('organization/people')
@Controller('people')
export class PeopleController {
  constructor(
    private readonly people: PeopleService,
    private readonly updatePerson: UpdatePersonUseCase,
    private readonly revealPerson: RevealPersonUseCase,
    private readonly lookupPeople: LookupPeopleUseCase,
  ) {}

  @Post()
  @RequirePermission(Permission.PeopleManage)
  @ApiOperation({
    summary: 'Register a person at a residence unit of your scope',
    description: 'Phone and ID number are stored encrypted and answered masked. Audited as people.created.',
  })
  @ApiCreatedResponse({ type: PersonDto })
  @ApiBadRequestResponse({
    description: 'validation.failed (e.g. phone, idNumber check character) / organization.unit-kind',
  })
  @ApiNotFoundResponse({ description: 'resource.not-found: residence unit unknown or outside your scope' })
  @ApiConflictResponse({
    description: 'organization.person-duplicate-id-number / organization.person-duplicate-external-id',
  })
  create(@CurrentUser() user: AuthenticatedUser, @Body() body: CreatePersonDto): Promise<PersonDto> {
    return this.people.create(user, body);
  }

  @Get()
  @RequirePermission(Permission.PeopleRead)
  @ApiOperation({
    summary: 'People residing in your scope, by name',
    description: 'Exact lookups by phone or ID number are GET /people/lookup (people.reveal, audited).',
  })
  @ApiOkResponse({ type: PersonPageDto })
  @ApiNotFoundResponse({ description: 'resource.not-found: unitId unknown or outside your scope' })
  list(@CurrentUser() user: AuthenticatedUser, @Query() query: PeopleQueryDto): Promise<PersonPageDto> {
    return this.people.list(user, query);
  }

  @Get('search')
  @RequirePermission(Permission.PeopleRead)
  @ApiOperation({
    summary: 'People by part of the name, within your scope, the closest to your units first',
    description:
      'Ranked by how many levels the residence lies below the unit you hold people.read at, then whole, start and anywhere matches, then name. Masked; exact lookups by phone or ID number stay GET /people/lookup.',
  })
  @ApiOkResponse({ type: PersonHitPageDto })
  @ApiBadRequestResponse({ description: 'validation.failed: q missing or over 100 characters' })
  @ApiNotFoundResponse({ description: 'resource.not-found: unitId unknown or outside your scope' })
  search(@CurrentUser() user: AuthenticatedUser, @Query() query: PeopleSearchQueryDto): Promise<PersonHitPageDto> {
    return this.people.search(user, query);
  }

  @Get('lookup')
  @RequirePermission(Permission.PeopleReveal)
  @ThrottleRoute('pii-lookup')
  @ApiOperation({
    summary: 'Exact lookup by phone or ID number (one of them), within your people.reveal scope',
    description:
      'Matched through the keyed hash; answers the people found, masked. Every lookup, found or not, is audited as pii.looked-up (the field and the ids found, never the value). Rate-limited per account (THROTTLE_PII_LOOKUP_LIMIT per THROTTLE_PII_LOOKUP_TTL_SECONDS): 429 request.rate-limited with Retry-After.',
  })
  @ApiOkResponse({ type: PersonLookupDto })
  @ApiBadRequestResponse({ description: 'validation.failed: invalid phone or ID number, or not exactly one of them' })
  lookup(@CurrentUser() user: AuthenticatedUser, @Query() query: PeopleLookupQueryDto): Promise<PersonLookupDto> {
    return this.lookupPeople.execute(user, query);
  }

  @Get(':id')
  @AnyAuthenticated()
  @ApiOperation({
    summary: 'One person (masked)',
    description:
      'Allowed with people.read where the person resides, or to the account linked to this person (resident self-service). 404 otherwise.',
  })
  @ApiOkResponse({ type: PersonDto })
  @ApiNotFoundResponse({ description: 'resource.not-found' })
  get(@CurrentUser() user: AuthenticatedUser, @UuidParam('id') id: string): Promise<PersonDto> {
    return this.people.read(user, id);
  }

  @Patch(':id')
  @RequirePermission(Permission.PeopleManage)
  @ApiOperation({
    summary: 'Change a person, or move their residence within your scope',
    description: 'Audited as people.updated (field names only).',
  })
  @ApiOkResponse({ type: PersonDto })
  @ApiNotFoundResponse({ description: 'resource.not-found' })
  @ApiConflictResponse({
    description: 'organization.person-duplicate-id-number / organization.person-duplicate-external-id',
  })
  update(
    @CurrentUser() user: AuthenticatedUser,
    @UuidParam('id') id: string,
    @Body() body: UpdatePersonDto,
  ): Promise<PersonDto> {
    return this.updatePerson.execute(user, id, body);
  }

  @Post(':id/reveal')
  @HttpCode(200)
  @RequirePermission(Permission.PeopleReveal)
  @ApiOperation({
    summary: 'Full phone and ID number of one person',
    description: 'Audited as pii.revealed (fields revealed, optional reason); 404 outside your scope.',
  })
  @ApiOkResponse({ type: RevealedPersonDto })
  @ApiNotFoundResponse({ description: 'resource.not-found' })
  reveal(
    @CurrentUser() user: AuthenticatedUser,
    @UuidParam('id') id: string,
    @Body() body: RevealPersonDto,
  ): Promise<RevealedPersonDto> {
    return this.revealPerson.execute(user, id, body);
  }
}
