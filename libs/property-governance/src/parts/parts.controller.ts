import { Body, Controller, Get, HttpCode, Post, Query, Req } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiConsumes,
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
  UuidParam,
} from '@linli/platform';
import { FastifyRequest } from 'fastify';
import { BulkCreatePropertyPartsDto, CreatePropertyPartDto } from './dto/create-property-part.dto';
import {
  PropertyElectorateDto,
  PropertyPartDto,
  PropertyPartPageDto,
  PropertyPartsCreatedDto,
} from './dto/property-part.dto';
import { PropertyPartsQueryDto } from './dto/property-parts-query.dto';
import { PartsFileReader } from './parts-file.reader';
import { PartsService } from './parts.service';
import { CreatePropertyPartsUseCase } from './usecases/create-property-parts.usecase';

const ROWS =
  'property.part-rows: `rows: [{ row, code, detail }]` (property.part-area, property.part-exists, property.developer-part-owners, validation.failed), nothing written';

@ApiTags('property-governance/parts')
@Controller('property/complexes/:complexId')
export class ComplexPartsController {
  constructor(
    private readonly parts: PartsService,
    private readonly createParts: CreatePropertyPartsUseCase,
    private readonly files: PartsFileReader,
  ) {}

  @Post('parts')
  @RequirePermission(Permission.PropertyManage)
  @ApiOperation({
    summary: 'Record an exclusive part (专有部分) with its current owners',
    description:
      'Owners start today (business date). A delivered part may have no owner on record yet (it counts as its own head); an unsold part has none. Audited as property.parts-recorded.',
  })
  @ApiCreatedResponse({ type: PropertyPartDto })
  @ApiBadRequestResponse({ description: 'property.part-area; property.developer-part-owners; property.not-a-complex' })
  @ApiNotFoundResponse({
    description: 'resource.not-found: the complex or an owner is outside your property.manage scope',
  })
  @ApiConflictResponse({ description: 'property.part-exists: same building and number in the complex' })
  async create(
    @CurrentUser() user: AuthenticatedUser,
    @UuidParam('complexId') complexId: string,
    @Body() body: CreatePropertyPartDto,
  ): Promise<PropertyPartDto> {
    return this.parts.one(user, await this.createParts.one(user, complexId, body));
  }

  @Post('parts/bulk')
  @HttpCode(201)
  @RequirePermission(Permission.PropertyManage)
  @ApiOperation({ summary: 'Record up to 5,000 parts at once, all or nothing' })
  @ApiCreatedResponse({ type: PropertyPartsCreatedDto })
  @ApiBadRequestResponse({ description: ROWS })
  @ApiNotFoundResponse({ description: 'resource.not-found: the complex or an owner is outside your scope' })
  async bulk(
    @CurrentUser() user: AuthenticatedUser,
    @UuidParam('complexId') complexId: string,
    @Body() body: BulkCreatePropertyPartsDto,
  ): Promise<PropertyPartsCreatedDto> {
    const ids = await this.createParts.execute(
      user,
      complexId,
      body.parts.map((input, i) => ({ row: i + 1, input })),
      'bulk',
    );
    return { created: ids.length };
  }

  @Post('parts/import')
  @HttpCode(201)
  @RequirePermission(Permission.PropertyManage)
  @ApiConsumes('multipart/form-data')
  @ApiOperation({
    summary: 'Import parts from a CSV (UTF-8) or XLSX file, all or nothing',
    description:
      'Columns (header row, Chinese or English): 楼栋 building, 房号 number, 面积 areaM2, 面积来源 areaSource (registered|surveyed|contract or 登记|测绘|合同; blank = registered), 状态 status (delivered|unsold|sold_undelivered or 已交付|未售|已售未交付), 业主 owners (person ids separated by ; or 、). Row numbers in the report are spreadsheet rows.',
  })
  @ApiCreatedResponse({ type: PropertyPartsCreatedDto })
  @ApiBadRequestResponse({ description: `${ROWS}; property.parts-file-unreadable` })
  async import(
    @CurrentUser() user: AuthenticatedUser,
    @UuidParam('complexId') complexId: string,
    @Req() request: FastifyRequest,
  ): Promise<PropertyPartsCreatedDto> {
    const rows = await this.files.read(request);
    const ids = await this.createParts.execute(user, complexId, rows, 'import');
    return { created: ids.length };
  }

  @Get('parts')
  @AnyAuthenticated()
  @ApiOperation({
    summary: 'Exclusive parts of the complex, oldest first',
    description: 'Staff with property.read: every part. An owner of the complex: only the parts they own now.',
  })
  @ApiOkResponse({ type: PropertyPartPageDto })
  @ApiNotFoundResponse({ description: 'resource.not-found: neither in your scope nor a complex you own a part of' })
  list(
    @CurrentUser() user: AuthenticatedUser,
    @UuidParam('complexId') complexId: string,
    @Query() query: PropertyPartsQueryDto,
  ): Promise<PropertyPartPageDto> {
    return this.parts.list(user, complexId, query);
  }

  @Get('electorate')
  @RequirePermission(Permission.PropertyRead)
  @ApiOperation({
    summary: 'The owners’ electorate now: parts, total area, heads (SPC interpretation arts 8–9)',
    description:
      'The developer’s unsold and undelivered parts count as one head; one buyer’s (or one set of co-owners’) parts as one.',
  })
  @ApiOkResponse({ type: PropertyElectorateDto })
  @ApiNotFoundResponse({ description: 'resource.not-found: the complex is outside your scope' })
  electorate(
    @CurrentUser() user: AuthenticatedUser,
    @UuidParam('complexId') complexId: string,
  ): Promise<PropertyElectorateDto> {
    return this.parts.electorateOf(user, complexId);
  }
}
