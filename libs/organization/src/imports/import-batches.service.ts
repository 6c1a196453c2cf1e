import { Injectable } from '@nestjs/common';
import {
  AuthenticatedUser,
  mapPage,
  NotFoundProblem,
  PageQueryDto,
  paginate,
  Permission,
  ScopeService,
} from '@linli/platform';
import { DataSource } from 'typeorm';
import { ImportBatchDto } from './dto/import-batch.dto';
import { ImportBatchPageDto } from './dto/import-batch-page.dto';
import { ImportBatchEntity } from './import-batch.entity';
import { IMPORT_KIND_DISPLAY } from './import-kind';

export function toImportBatchDto(batch: ImportBatchEntity): ImportBatchDto {
  return {
    id: batch.id,
    kind: batch.kind,
    displayKind: IMPORT_KIND_DISPLAY[batch.kind],
    fileName: batch.fileName,
    sha256: batch.sha256,
    rows: batch.rowCount,
    created: batch.createdRows,
    updated: batch.updatedRows,
    unchanged: batch.unchangedRows,
    createdBy: batch.createdBy,
    unitId: batch.unitId,
    createdAt: batch.createdAt.toISOString(),
  };
}

/**
 * Reads recorded import batches. A batch is visible where its unit is in the reader's
 * `imports.run` scope, and always to the account that ran it.
 */
@Injectable()
export class ImportBatchesService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly scope: ScopeService,
  ) {}

  async get(user: AuthenticatedUser, id: string): Promise<ImportBatchDto> {
    const batch = await this.dataSource.getRepository(ImportBatchEntity).findOneBy({ id });
    if (
      !batch ||
      !(batch.createdBy === user.userId || this.scope.canReach(user, Permission.ImportsRun, batch.unitPath))
    ) {
      throw new NotFoundProblem('该导入批次');
    }
    return toImportBatchDto(batch);
  }

  /** Newest first. */
  async list(user: AuthenticatedUser, page: PageQueryDto): Promise<ImportBatchPageDto> {
    const { sql, params } = this.scope.condition('batch.unitPath', user, Permission.ImportsRun);
    const qb = this.dataSource
      .getRepository(ImportBatchEntity)
      .createQueryBuilder('batch')
      .where(`(${sql} OR batch.createdBy = :caller)`, { ...params, caller: user.userId });
    const result = await paginate(qb, page, {
      sortColumn: 'batch.createdAt',
      sortKey: (batch) => batch.createdAt,
      tieBreaker: 'batch.id',
      tieKey: (batch) => batch.id,
      direction: 'DESC',
    });
    return mapPage(result, toImportBatchDto);
  }
}
