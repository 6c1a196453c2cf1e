import { Body, Controller, Get, HttpCode, Post, Query } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { AuthenticatedUser, CurrentUser, Permission, RequirePermission, UuidParam } from '@linli/platform';
import { CreateRepresentativeDto } from './dto/create-representative.dto';
import { EndRepresentativeDto } from './dto/end-representative.dto';
import { RepresentativeDto, RepresentativePageDto } from './dto/representative.dto';
import { RepresentativesQueryDto } from './dto/representatives-query.dto';
import { RepresentativesService } from './representatives.service';

@ApiTags('deliberation/representatives')
@Controller('deliberation/representatives')
export class RepresentativesController {
  constructor(private readonly representatives: RepresentativesService) {}

  @Post()
  @RequirePermission(Permission.DeliberationManage)
  @ApiOperation({
    summary: 'Record a residents’ representative (居民代表) of a unit',
    description: 'The person lives within the unit; never yourself. Audited as deliberation.representative-added.',
  })
  @ApiCreatedResponse({ type: RepresentativeDto })
  @ApiBadRequestResponse({
    description: 'validation.failed; deliberation.representative-not-resident; deliberation.unit-kind',
  })
  @ApiNotFoundResponse({ description: 'resource.not-found: the unit or the person is unknown or outside your scope' })
  @ApiConflictResponse({ description: 'deliberation.representative-exists' })
  create(@CurrentUser() user: AuthenticatedUser, @Body() body: CreateRepresentativeDto): Promise<RepresentativeDto> {
    return this.representatives.create(user, body);
  }

  @Post(':id/end')
  @HttpCode(200)
  @RequirePermission(Permission.DeliberationManage)
  @ApiOperation({
    summary: 'End a representative’s mandate, with the reason',
    description: 'Audited as deliberation.representative-ended.',
  })
  @ApiOkResponse({ type: RepresentativeDto })
  @ApiNotFoundResponse({ description: 'resource.not-found: unknown or outside your scope' })
  @ApiConflictResponse({ description: 'deliberation.representative-ended' })
  end(
    @CurrentUser() user: AuthenticatedUser,
    @UuidParam('id') id: string,
    @Body() body: EndRepresentativeDto,
  ): Promise<RepresentativeDto> {
    return this.representatives.end(user, id, body);
  }

  @Get()
  @RequirePermission(Permission.DeliberationRead)
  @ApiOperation({
    summary: 'Representatives in your deliberation.read scope (active ones unless includeEnded), newest first',
  })
  @ApiOkResponse({ type: RepresentativePageDto })
  list(
    @CurrentUser() user: AuthenticatedUser,
    @Query() query: RepresentativesQueryDto,
  ): Promise<RepresentativePageDto> {
    return this.representatives.list(user, query);
  }
}
