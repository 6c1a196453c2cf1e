import { Injectable } from '@nestjs/common';
import { OrganizationDirectory } from '@linli/organization';
import {
  AuditLog,
  AuthenticatedUser,
  BusinessCalendar,
  Clock,
  Permission,
  ScopedReferences,
  TransactionRunner,
} from '@linli/platform';
import { PropertyAccess } from '../../access/property-access';
import { checkPart, PartInput, RowProblem } from '../part-rows';
import { PartsCode, PartsException } from '../parts.exception';
import { NewPart, PartsRepository } from '../parts.repository';

function isUniqueViolation(error: unknown): boolean {
  return (error as { code?: string })?.code === '23505';
}

/**
 * Records exclusive parts of a complex with their current owners (started today, business date):
 * one part (`POST …/parts`), a list (`…/parts/bulk`) or a file (`…/parts/import`). All or nothing:
 * every row is checked first (area, status, owners of an unsold part, building+number unique in the
 * body and the complex); any bad row answers the problems of all rows and writes nothing. Owners
 * must be people in the caller's property.manage scope (404 otherwise). A delivered part may have no
 * owner on record yet (it then counts as its own head, `part:<id>`). Audited as property.parts-recorded.
 */
@Injectable()
export class CreatePropertyPartsUseCase {
  constructor(
    private readonly access: PropertyAccess,
    private readonly directory: OrganizationDirectory,
    private readonly references: ScopedReferences,
    private readonly transactions: TransactionRunner,
    private readonly parts: PartsRepository,
    private readonly audit: AuditLog,
    private readonly clock: Clock,
    private readonly calendar: BusinessCalendar,
  ) {}

  /** One part: its problem answers with its own code (400 area / developer owners, 409 exists). */
  async one(user: AuthenticatedUser, complexId: string, input: PartInput): Promise<string> {
    try {
      const [id] = await this.execute(user, complexId, [{ row: 1, input }], 'single');
      return id;
    } catch (error) {
      const rows = (error as PartsException).extensions?.rows as RowProblem[] | undefined;
      if (error instanceof PartsException && rows?.length === 1 && rows[0].code !== 'validation.failed') {
        throw new PartsException(rows[0].code as PartsCode, { detail: rows[0].detail });
      }
      throw error;
    }
  }

  /** Many parts (body or file rows); answers the ids in input order. */
  async execute(
    user: AuthenticatedUser,
    complexId: string,
    rows: { row: number; input: PartInput }[],
    source: 'single' | 'bulk' | 'import',
  ): Promise<string[]> {
    await this.access.complex(user, Permission.PropertyManage, complexId);
    const problems: RowProblem[] = [];
    const checked: NewPart[] = [];
    const seen = new Map<string, number>();
    for (const { row, input } of rows) {
      const part = checkPart(input);
      if ('code' in part) {
        problems.push({ row, ...part });
        continue;
      }
      const key = `${part.building}|${part.number}`;
      if (seen.has(key)) {
        problems.push({ row, code: PartsCode.PartExists, detail: `与第 ${seen.get(key)} 行的楼栋房号重复` });
        continue;
      }
      seen.set(key, row);
      checked.push(part);
    }
    return this.transactions.run(async (manager) => {
      const complex = await this.directory.units.anchor(manager, complexId);
      const owners = [...new Set(checked.flatMap((part) => part.ownerPersonIds))];
      if (owners.length > 0) await this.references.reach(user, Permission.PropertyManage, { person: owners }, manager);
      const existing = await this.parts.existingKeys(manager, complex.id, checked);
      for (const part of checked) {
        const key = `${part.building}|${part.number}`;
        if (existing.has(key)) {
          problems.push({
            row: seen.get(key) as number,
            code: PartsCode.PartExists,
            detail: `${part.building} ${part.number} 已存在`,
          });
        }
      }
      if (problems.length > 0) {
        problems.sort((a, b) => a.row - b.row);
        throw new PartsException(PartsCode.PartRows, { extensions: { rows: problems } });
      }
      const today = this.calendar.localDate(this.clock.now());
      let ids: string[];
      try {
        ids = await this.parts.insertAll(manager, complex, checked, today, user.userId);
      } catch (error) {
        if (isUniqueViolation(error)) throw new PartsException(PartsCode.PartExists);
        throw error;
      }
      await this.audit.record(
        {
          action: 'property.parts-recorded',
          targetType: 'property-part',
          targetId: ids.length === 1 ? ids[0] : complex.id,
          unitId: complex.id,
          unitPath: complex.path,
          data: { source, parts: ids.length, owners: owners.length },
        },
        manager,
      );
      return ids;
    });
  }
}
