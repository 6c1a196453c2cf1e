import { Injectable } from '@nestjs/common';
import { AuditLog, AuthenticatedUser, Clock, Permission, ScopeService, TransactionRunner } from '@linli/platform';
import { createHash } from 'node:crypto';
import { lockUnitTree } from '../../units/unit-tree.lock';
import { ImportTable } from '../columns/import-row';
import { mapSheet } from '../columns/sheet-mapper';
import { commonAncestorPath } from '../common-ancestor-path';
import { ImportResultDto } from '../dto/import-result.dto';
import { ImportFileReader } from '../file/import-file.reader';
import { ImportBatchEntity } from '../import-batch.entity';
import { ImportContext, ImportOutcome } from '../import-context';
import { IMPORT_KIND_DISPLAY, ImportKind } from '../import-kind';
import { ImportInvalidException } from '../imports.exception';
import { MembersImportValidator } from '../members/members-import.validator';
import { MembersImportWriter } from '../members/members-import.writer';
import { PeopleImportValidator } from '../people/people-import.validator';
import { PeopleImportWriter } from '../people/people-import.writer';
import { UnitsImportValidator } from '../units/units-import.validator';
import { UnitsImportWriter } from '../units/units-import.writer';
import { RowErrors } from '../validation/row-errors';
import { RunImportCommand } from './run-import.command';

/** Imports run one at a time, so that what a file was validated against is what it is applied to. */
const IMPORT_LOCK = 'linli.organization.imports';

/**
 * Runs an import: reads the file, validates every row against the file itself, the tree and the
 * caller's scope before anything is written, then applies it in one transaction (all or nothing)
 * with the batch record and one `imports.applied` audit entry.
 */
@Injectable()
export class RunImportUseCase {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly reader: ImportFileReader,
    private readonly scope: ScopeService,
    private readonly audit: AuditLog,
    private readonly clock: Clock,
    private readonly unitsValidator: UnitsImportValidator,
    private readonly unitsWriter: UnitsImportWriter,
    private readonly peopleValidator: PeopleImportValidator,
    private readonly peopleWriter: PeopleImportWriter,
    private readonly membersValidator: MembersImportValidator,
    private readonly membersWriter: MembersImportWriter,
  ) {}

  async execute(user: AuthenticatedUser, command: RunImportCommand): Promise<ImportResultDto> {
    const table = mapSheet(command.kind, await this.reader.read(command.content));
    const sha256 = createHash('sha256').update(command.content).digest('hex');
    const scope = this.scope.scopeFilter(user, Permission.ImportsRun);
    const now = this.clock.now();
    return this.transactions.run(async (manager) => {
      await manager.query('SELECT pg_advisory_xact_lock(hashtext($1))', [IMPORT_LOCK]);
      // Rows copy unit paths (parents', residences', organizations'): no subtree may move meanwhile.
      await lockUnitTree(manager, 'shared');
      const context: ImportContext = { manager, user, scope, now };
      const outcome = await this.validateAndApply(command.kind, table, context);
      const rows = table.rows.length;
      const unchanged = rows - outcome.created - outcome.updated;
      const ancestorPath = commonAncestorPath(outcome.paths);
      const unitId = ancestorPath === null ? null : await this.unitIdAt(context, ancestorPath);
      const unitPath = unitId === null ? null : ancestorPath;
      const batch = await manager.getRepository(ImportBatchEntity).save({
        kind: command.kind,
        fileName: command.fileName,
        sha256,
        rowCount: rows,
        createdRows: outcome.created,
        updatedRows: outcome.updated,
        unchangedRows: unchanged,
        createdBy: user.userId,
        unitId,
        unitPath,
        createdAt: now,
      });
      await this.audit.record(
        {
          action: 'imports.applied',
          targetType: 'import-batch',
          targetId: batch.id,
          unitId,
          unitPath,
          data: {
            kind: command.kind,
            fileName: command.fileName,
            sha256,
            rows,
            created: outcome.created,
            updated: outcome.updated,
            unchanged,
          },
        },
        manager,
      );
      return this.result(batch.id, command.kind, rows, outcome, unchanged);
    });
  }

  private async validateAndApply(kind: ImportKind, table: ImportTable, context: ImportContext): Promise<ImportOutcome> {
    const errors = new RowErrors();
    const refuseIfInvalid = (): void => {
      if (errors.count > 0) throw new ImportInvalidException(errors.sorted());
    };
    switch (kind) {
      case 'units': {
        const plan = await this.unitsValidator.validate(table, context, errors);
        refuseIfInvalid();
        return this.unitsWriter.apply(plan, context);
      }
      case 'people': {
        const plan = await this.peopleValidator.validate(table, context, errors);
        refuseIfInvalid();
        return this.peopleWriter.apply(plan, context);
      }
      case 'members': {
        const plan = await this.membersValidator.validate(table, context, errors);
        refuseIfInvalid();
        return this.membersWriter.apply(plan, context);
      }
    }
  }

  private async unitIdAt(context: ImportContext, path: string): Promise<string | null> {
    const rows: { id: string }[] = await context.manager.query('SELECT id FROM units WHERE path = $1', [path]);
    return rows[0]?.id ?? null;
  }

  private result(
    batchId: string,
    kind: ImportKind,
    rows: number,
    outcome: ImportOutcome,
    unchanged: number,
  ): ImportResultDto {
    return {
      batchId,
      kind,
      displayKind: IMPORT_KIND_DISPLAY[kind],
      rows,
      created: outcome.created,
      updated: outcome.updated,
      unchanged,
    };
  }
}
