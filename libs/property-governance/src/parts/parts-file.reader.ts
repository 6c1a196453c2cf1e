import { Injectable } from '@nestjs/common';
import type { Multipart } from '@fastify/multipart';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { FastifyRequest } from 'fastify';
import { PartInput } from './part-rows';
import { PartsCode, PartsException } from './parts.exception';

const ZIP_MAGIC = Buffer.from([0x50, 0x4b, 0x03, 0x04]);
const MAX_ROWS = 5000;

/** Header names (Chinese or English, case-insensitive) → field. */
const COLUMNS: Record<string, keyof PartInput> = {
  楼栋: 'building',
  building: 'building',
  房号: 'number',
  number: 'number',
  面积: 'areaM2',
  aream2: 'areaM2',
  面积来源: 'areaSource',
  areasource: 'areaSource',
  状态: 'status',
  status: 'status',
  业主: 'ownerPersonIds',
  owners: 'ownerPersonIds',
  ownerpersonids: 'ownerPersonIds',
};

const VALUES: Record<string, string> = {
  登记: 'registered',
  测绘: 'surveyed',
  合同: 'contract',
  已交付: 'delivered',
  未售: 'unsold',
  未出售: 'unsold',
  已售未交付: 'sold_undelivered',
};

function unreadable(detail?: string): PartsException {
  return new PartsException(PartsCode.PartsFileUnreadable, detail ? { detail } : undefined);
}

function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if ('richText' in value) return value.richText.map((part) => part.text).join('');
  if ('result' in value) return cellText((value.result ?? null) as ExcelJS.CellValue);
  if ('text' in value && typeof value.text === 'string') return value.text;
  return '';
}

/**
 * Reads `POST …/parts/import`: one multipart `file` part, CSV in UTF-8 (with or without BOM) or XLSX
 * (first worksheet), the same libraries as organization's imports. Header = first non-blank row;
 * row numbers are the spreadsheet's. Owners are person ids separated by `;`, `；`, `、` or `,`.
 */
@Injectable()
export class PartsFileReader {
  async read(request: FastifyRequest): Promise<{ row: number; input: PartInput }[]> {
    if (typeof request.isMultipart !== 'function' || !request.isMultipart())
      throw unreadable('请以 multipart/form-data 上传字段 file');
    let content: Buffer | undefined;
    try {
      for await (const part of request.parts() as AsyncIterable<Multipart>) {
        if (part.type === 'file' && part.fieldname === 'file') content = await part.toBuffer();
        else if (part.type === 'file') await part.toBuffer();
      }
    } catch {
      throw unreadable('上传内容无法读取（文件不能超过 20 MB，且只能上传一个文件）');
    }
    if (!content || content.length === 0) throw unreadable('缺少文件（字段 file）');
    const lines = content.subarray(0, 4).equals(ZIP_MAGIC) ? await this.xlsx(content) : this.csv(content);
    const filled = lines.filter((line) => line.cells.some((cell) => cell !== ''));
    const [header, ...rows] = filled;
    if (!header) throw unreadable('文件为空');
    const fields = header.cells.map((name) => COLUMNS[name.replace(/\s/g, '').toLowerCase()]);
    for (const required of ['building', 'number', 'areaM2', 'status'] as const) {
      if (!fields.includes(required)) throw unreadable(`缺少列：${required}`);
    }
    if (rows.length === 0) throw unreadable('文件没有数据行');
    if (rows.length > MAX_ROWS) throw unreadable(`一次最多导入 ${MAX_ROWS} 行`);
    return rows.map(({ row, cells }) => {
      const value = (field: keyof PartInput): string => {
        const index = fields.indexOf(field);
        const text = index < 0 ? '' : (cells[index] ?? '');
        return VALUES[text] ?? text;
      };
      const owners = value('ownerPersonIds');
      return {
        row,
        input: {
          building: value('building'),
          number: value('number'),
          areaM2: value('areaM2'),
          areaSource: value('areaSource') || undefined,
          status: value('status'),
          ownerPersonIds: owners ? owners.split(/[;；、,，\s]+/).filter(Boolean) : [],
        },
      };
    });
  }

  private csv(content: Buffer): { row: number; cells: string[] }[] {
    try {
      const text = new TextDecoder('utf-8', { fatal: true }).decode(content);
      const records = parse(text, { bom: true, relax_column_count: true, skip_empty_lines: false }) as string[][];
      return records.map((cells, index) => ({ row: index + 1, cells: cells.map((cell) => cell.trim()) }));
    } catch {
      throw unreadable();
    }
  }

  private async xlsx(content: Buffer): Promise<{ row: number; cells: string[] }[]> {
    const workbook = new ExcelJS.Workbook();
    try {
      await workbook.xlsx.load(content as unknown as Parameters<ExcelJS.Xlsx['load']>[0]);
    } catch {
      throw unreadable('无法读取该 Excel 文件，请确认是 .xlsx 格式且未加密');
    }
    const sheet = workbook.worksheets[0];
    if (!sheet) throw unreadable('Excel 文件中没有工作表');
    const lines: { row: number; cells: string[] }[] = [];
    sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
      const cells: string[] = [];
      for (let column = 1; column <= row.cellCount; column += 1) cells.push(cellText(row.getCell(column).value).trim());
      lines.push({ row: rowNumber, cells });
    });
    return lines;
  }
}
