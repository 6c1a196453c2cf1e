import { Injectable } from '@nestjs/common';
import { scopeCovers } from '@linli/platform';
import { ALLOWED_PARENTS, UNIT_KIND_DISPLAY, UnitKind } from '../../units/unit-kind';
import { columnLabels } from '../columns/column-labels';
import { ImportTable } from '../columns/import-row';
import { ImportContext } from '../import-context';
import { RowErrors } from '../validation/row-errors';
import { RowReader } from '../validation/row-reader';
import { UNIT_KIND_HINT, UNIT_KIND_SPELLINGS } from './unit-kind-spellings';
import { NewUnit, UnitImportRow, UnitsImportPlan } from './units-import.plan';

interface ExistingUnit {
  id: string;
  code: string;
  kind: UnitKind;
  path: string;
  depth: number;
  parent_code: string | null;
}

/** A row as read: fields that failed to parse are missing, `valid` says whether all parsed. */
type ParsedUnit = Partial<Omit<UnitImportRow, 'parentCode'>> & {
  row: number;
  code: string;
  parentCode: string | null;
  valid: boolean;
};

/** Valid unit kinds never chain deeper than this (city … building); longer chains are loops. */
const MAX_CHAIN = 8;

const LABELS = columnLabels('units');

/**
 * Checks a units file against itself and the tree: required fields and types, duplicate codes,
 * parents (earlier or later in the file, or existing) of an allowed kind, no loops, no parent or
 * kind change of an existing unit (moving is its own endpoint), and the caller's scope.
 */
@Injectable()
export class UnitsImportValidator {
  async validate(table: ImportTable, context: ImportContext, errors: RowErrors): Promise<UnitsImportPlan> {
    const readers = new Map<number, RowReader>();
    const parsed = new Map<string, ParsedUnit>();
    for (const row of table.rows) {
      const reader = new RowReader(row, table, errors, LABELS);
      readers.set(row.row, reader);
      const code = reader.text('code', { required: true, maxLength: 64 });
      const name = reader.text('name', { required: true, maxLength: 200 });
      const kind = reader.choice('kind', UNIT_KIND_SPELLINGS, { required: true, hint: UNIT_KIND_HINT });
      const parentCode = reader.text('parentCode', { maxLength: 64 }) ?? null;
      const residents = reader.count('residents');
      const households = reader.count('households');
      const areaM2 = reader.decimal('areaM2');
      if (code === undefined) continue;
      const first = parsed.get(code);
      if (first) {
        reader.error('code', `编码“${code}”与第 ${first.row} 行重复`);
        continue;
      }
      parsed.set(code, {
        row: row.row,
        code,
        name,
        kind,
        parentCode,
        residents,
        households,
        areaM2,
        valid: !reader.failed,
      });
    }

    const wanted = new Set<string>([...parsed.keys()]);
    for (const unit of parsed.values()) if (unit.parentCode) wanted.add(unit.parentCode);
    const existing = await this.loadExisting(context, [...wanted]);

    const creates: NewUnit[] = [];
    const updates: UnitsImportPlan['updates'] = [];
    for (const unit of parsed.values()) {
      const reader = readers.get(unit.row) as RowReader;
      const current = existing.get(unit.code);
      if (current) this.checkExisting(unit, current, reader, context);
      else this.checkNew(unit, parsed, existing, reader, context);
      if (!reader.failed && unit.valid) {
        const row = unit as UnitImportRow;
        if (current) updates.push({ ...row, path: current.path });
        else creates.push({ ...row, depth: 0, parent: null });
      }
    }
    if (errors.count > 0) return { rowCount: table.rows.length, creates: [], updates: [] };
    return { rowCount: table.rows.length, creates: this.placeNewUnits(creates, existing), updates };
  }

  private async loadExisting(context: ImportContext, codes: string[]): Promise<Map<string, ExistingUnit>> {
    const rows: ExistingUnit[] = await context.manager.query(
      `SELECT u.id, u.code, u.kind, u.path, u.depth, p.code AS parent_code
         FROM units u LEFT JOIN units p ON p.id = u.parent_id
        WHERE u.code = ANY($1::text[])`,
      [codes],
    );
    return new Map(rows.map((row) => [row.code, row]));
  }

  private checkExisting(unit: ParsedUnit, current: ExistingUnit, reader: RowReader, context: ImportContext): void {
    if (!scopeCovers(context.scope, current.path)) {
      reader.error('code', `编码“${unit.code}”已被您管辖范围以外的单元使用`);
      return;
    }
    if (unit.kind && unit.kind !== current.kind) {
      reader.error('kind', `不能通过导入更改单元类型：该单元现为“${UNIT_KIND_DISPLAY[current.kind]}”`);
    }
    // A blank parent code keeps the parent; a different one would move the subtree.
    if (unit.parentCode !== null && unit.parentCode !== current.parent_code) {
      reader.error(
        'parentCode',
        `该单元现在的上级编码是“${current.parent_code ?? '（无编码）'}”；调整上级请使用“移动单元”功能，不能通过导入移动`,
      );
    }
  }

  private checkNew(
    unit: ParsedUnit,
    parsed: Map<string, ParsedUnit>,
    existing: Map<string, ExistingUnit>,
    reader: RowReader,
    context: ImportContext,
  ): void {
    if (unit.kind === 'city') {
      if (unit.parentCode !== null) reader.error('parentCode', '市是单元树的根，上级编码须留空');
      else if (context.scope !== 'all') reader.error('code', '只有全域管理员可以新建市级单元');
      return;
    }
    if (unit.parentCode === null) {
      if (unit.kind) reader.error('parentCode', `上级编码不能为空（只有“市”可以没有上级）`);
      return;
    }
    if (unit.parentCode === unit.code) {
      reader.error('parentCode', '上级编码不能是本单元自己的编码');
      return;
    }
    const inFile = parsed.get(unit.parentCode);
    const inTree = existing.get(unit.parentCode);
    if (inTree && !scopeCovers(context.scope, inTree.path)) {
      reader.error('parentCode', `上级编码“${unit.parentCode}”不存在或不在您的管辖范围内`);
      return;
    }
    if (!inFile && !inTree) {
      reader.error('parentCode', `上级编码“${unit.parentCode}”不存在或不在您的管辖范围内`);
      return;
    }
    const parentKind = inTree?.kind ?? inFile?.kind;
    if (unit.kind && parentKind && !ALLOWED_PARENTS[unit.kind].includes(parentKind)) {
      const allowed = ALLOWED_PARENTS[unit.kind].map((kind) => `“${UNIT_KIND_DISPLAY[kind]}”`).join('或');
      reader.error(
        'parentCode',
        `“${UNIT_KIND_DISPLAY[unit.kind]}”的上级须为${allowed}，而“${unit.parentCode}”是“${UNIT_KIND_DISPLAY[parentKind]}”`,
      );
    }
  }

  /**
   * Parents first, with depths. Every chain here is valid, so finite: allowed parents always sit
   * higher in the kind order (city … building), hence a loop would have failed the kind check.
   */
  private placeNewUnits(creates: NewUnit[], existing: Map<string, ExistingUnit>): NewUnit[] {
    const byCode = new Map(creates.map((unit) => [unit.code, unit]));
    const depths = new Map<string, number>();
    const depthOf = (code: string, hops: number): number => {
      const tree = existing.get(code);
      if (tree) return tree.depth;
      const known = depths.get(code);
      if (known !== undefined) return known;
      const unit = byCode.get(code);
      if (!unit || hops > MAX_CHAIN) throw new Error(`unit import: unresolved parent chain at code ${code}`);
      const depth = unit.parentCode === null ? 0 : depthOf(unit.parentCode, hops + 1) + 1;
      depths.set(code, depth);
      return depth;
    };
    return creates
      .map((unit): NewUnit => {
        const parentCode = unit.parentCode;
        const tree = parentCode === null ? undefined : existing.get(parentCode);
        const parent: NewUnit['parent'] =
          parentCode === null
            ? null
            : tree
              ? { kind: 'existing', id: tree.id, path: tree.path }
              : { kind: 'new', code: parentCode };
        return { ...unit, depth: depthOf(unit.code, 0), parent };
      })
      .sort((a, b) => a.depth - b.depth || a.row - b.row);
  }
}
