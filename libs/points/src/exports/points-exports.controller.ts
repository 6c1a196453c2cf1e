import { Controller, Get, Query, Res } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiNotFoundResponse,
  ApiOperation,
  ApiParam,
  ApiProduces,
  ApiResponse,
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
import { FastifyReply } from 'fastify';
import { OwnerTypeParam } from '../accounts/owner-type.pipe';
import { OWNER_TYPES, OwnerType } from '../ledger/points-owner';
import { AssessmentExportQueryDto } from './dto/assessment-export-query.dto';
import { EntriesExportQueryDto } from './dto/entries-export-query.dto';
import { ExportTable, MAX_EXPORT_ROWS, renderExport } from './export-table';
import { PointsExports } from './points-exports.service';

const FILE_RESPONSE = {
  status: 200,
  description: `A CSV (UTF-8 with BOM) or XLSX attachment with Chinese column headers; at most ${MAX_EXPORT_ROWS} rows (x-linli-export-truncated: true when cut)`,
  schema: { type: 'string', format: 'binary' },
};

@ApiTags('points/exports')
@Controller('points')
export class PointsExportsController {
  constructor(private readonly exports: PointsExports) {}

  @Get('assessments/export')
  @RequirePermission(Permission.PointsRead)
  @ApiOperation({
    summary: "Quarterly assessment results of your scope (or of unitId's subtree) as CSV or XLSX, best score first",
  })
  @ApiProduces('text/csv', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
  @ApiResponse(FILE_RESPONSE)
  @ApiBadRequestResponse({ description: 'validation.failed: period is not a quarter key, or unknown format' })
  @ApiNotFoundResponse({ description: 'resource.not-found: unitId unknown or outside your scope' })
  async assessments(
    @CurrentUser() user: AuthenticatedUser,
    @Query() query: AssessmentExportQueryDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<Buffer> {
    return this.send(reply, await this.exports.assessments(user, query), query.format);
  }

  @Get('accounts/:ownerType/:ownerId/entries/export')
  @AnyAuthenticated()
  @ApiParam({ name: 'ownerType', enum: OWNER_TYPES })
  @ApiParam({ name: 'ownerId', format: 'uuid' })
  @ApiOperation({
    summary: "An owner's ledger entries in [from, to) as CSV or XLSX, oldest first, times in Beijing time",
    description:
      'A person exports their own; staff need points.read where the person resides or the organization is anchored. 404 otherwise.',
  })
  @ApiProduces('text/csv', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
  @ApiResponse(FILE_RESPONSE)
  @ApiNotFoundResponse({ description: 'resource.not-found: unknown owner, or not yours and outside your scope' })
  async entries(
    @CurrentUser() user: AuthenticatedUser,
    @OwnerTypeParam() ownerType: OwnerType,
    @UuidParam('ownerId') ownerId: string,
    @Query() query: EntriesExportQueryDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<Buffer> {
    return this.send(reply, await this.exports.entries(user, { type: ownerType, id: ownerId }, query), query.format);
  }

  private async send(
    reply: FastifyReply,
    table: ExportTable,
    format: EntriesExportQueryDto['format'],
  ): Promise<Buffer> {
    const file = await renderExport(table, format ?? 'csv');
    reply.header('content-type', file.contentType);
    reply.header('content-disposition', file.contentDisposition);
    reply.header('x-linli-export-truncated', String(table.truncated));
    reply.header('cache-control', 'no-store');
    return file.body;
  }
}
