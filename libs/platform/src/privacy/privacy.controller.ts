import { Controller, Get, HttpCode, Post } from '@nestjs/common';
import { ApiConflictResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AnyAuthenticated, RequirePermission } from '../auth/access.decorators';
import { AuthenticatedUser, CurrentUser } from '../auth/authenticated-user';
import { Permission } from '../auth/permissions';
import { UuidParam } from '../http/uuid-param';
import { AnonymisationDto } from './dto/anonymisation.dto';
import { PersonalDataExportDto } from './dto/personal-data-export.dto';
import { AnonymisePersonUseCase } from './usecases/anonymise-person.usecase';
import { ExportPersonalDataUseCase } from './usecases/export-personal-data.usecase';

@ApiTags('privacy')
@Controller()
export class PrivacyController {
  constructor(
    private readonly exportData: ExportPersonalDataUseCase,
    private readonly anonymise: AnonymisePersonUseCase,
  ) {}

  @Get('me/data')
  @AnyAuthenticated()
  @ApiOperation({
    summary: 'Everything the platform holds about you (your account and the person it acts for)',
    description:
      'Your own phone and ID number in clear, residence, memberships, roles, points, volunteer records. Audited as privacy.data-exported.',
  })
  @ApiOkResponse({ type: PersonalDataExportDto })
  myData(@CurrentUser() user: AuthenticatedUser): Promise<PersonalDataExportDto> {
    return this.exportData.execute(user);
  }

  @Post('privacy/people/:id/anonymise')
  @RequirePermission(Permission.PeopleManage)
  @HttpCode(200)
  @ApiOperation({
    summary: 'Anonymise a person of your scope (PIPL erasure)',
    description:
      'Name replaced by a pseudonym, phone, ID number, birth date and the like erased, linked account deactivated; records and ledger kept under the same id. Audited as privacy.person-anonymised.',
  })
  @ApiOkResponse({ type: AnonymisationDto })
  @ApiNotFoundResponse({ description: 'resource.not-found: person unknown or outside your scope' })
  @ApiConflictResponse({
    description: 'privacy.identity-still-needed: something still needs the identity (the holds are listed in `holds`)',
  })
  anonymisePerson(@CurrentUser() user: AuthenticatedUser, @UuidParam('id') id: string): Promise<AnonymisationDto> {
    return this.anonymise.execute(user, id);
  }
}
