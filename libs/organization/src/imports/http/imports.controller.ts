import { Controller, Get, HttpCode, Post, Query, Req } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBody,
  ApiConsumes,
  ApiCreatedResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import {
  AuthenticatedUser,
  CurrentUser,
  PageQueryDto,
  Permission,
  RequirePermission,
  UuidParam,
} from '@linli/platform';
import { FastifyRequest } from 'fastify';
import { ImportBatchPageDto } from '../dto/import-batch-page.dto';
import { ImportBatchDto } from '../dto/import-batch.dto';
import { ImportResultDto } from '../dto/import-result.dto';
import { ImportBatchesService } from '../import-batches.service';
import { IMPORT_KINDS } from '../import-kind';
import { RunImportUseCase } from '../usecases/run-import.usecase';
import { readImportUpload } from './import-upload.reader';

@ApiTags('organization/imports')
@Controller('imports')
export class ImportsController {
  constructor(
    private readonly runImport: RunImportUseCase,
    private readonly batches: ImportBatchesService,
  ) {}

  @Post()
  @HttpCode(201)
  @RequirePermission(Permission.ImportsRun)
  @ApiOperation({
    summary: 'Import units, people or party members from a CSV (UTF-8) or XLSX file',
    description:
      'Every row is validated before anything is written; a file with any bad row answers 422 organization.import-invalid listing ' +
      '`errors: [{ row, column, field, message }]` and writes nothing. A valid file is applied in one transaction, keyed by code ' +
      '(units), external id (people) or person external id (members): re-running the same file changes nothing. Audited as imports.applied.',
  })
  @ApiConsumes('multipart/form-data')
  @ApiBody({
    schema: {
      type: 'object',
      required: ['kind', 'file'],
      properties: {
        kind: { type: 'string', enum: [...IMPORT_KINDS] },
        file: {
          type: 'string',
          format: 'binary',
          description: 'CSV (UTF-8, optional BOM) or XLSX (first worksheet); at most 20 MB',
        },
      },
    },
  })
  @ApiCreatedResponse({ type: ImportResultDto })
  @ApiBadRequestResponse({ description: 'validation.failed (no file, unknown kind) / organization.import-unreadable' })
  @ApiUnprocessableEntityResponse({
    description:
      'organization.import-invalid (row errors) / organization.import-empty / organization.import-too-many-rows',
  })
  async run(@CurrentUser() user: AuthenticatedUser, @Req() request: FastifyRequest): Promise<ImportResultDto> {
    return this.runImport.execute(user, await readImportUpload(request));
  }

  @Get()
  @RequirePermission(Permission.ImportsRun)
  @ApiOperation({ summary: 'Import batches in your scope (and your own), newest first' })
  @ApiOkResponse({ type: ImportBatchPageDto })
  list(@CurrentUser() user: AuthenticatedUser, @Query() query: PageQueryDto): Promise<ImportBatchPageDto> {
    return this.batches.list(user, query);
  }

  @Get(':id')
  @RequirePermission(Permission.ImportsRun)
  @ApiOperation({ summary: 'One import batch (404 when outside your scope)' })
  @ApiOkResponse({ type: ImportBatchDto })
  @ApiNotFoundResponse({ description: 'resource.not-found' })
  get(@CurrentUser() user: AuthenticatedUser, @UuidParam('id') id: string): Promise<ImportBatchDto> {
    return this.batches.get(user, id);
  }
}
