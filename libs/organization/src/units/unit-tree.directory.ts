import { Injectable, OnModuleInit } from '@nestjs/common';
import { UnitDirectory, UnitDirectoryRegistry } from '@linli/platform';
import { DataSource } from 'typeorm';

/** The kernel's scope checks resolve unit paths from this tree (registered at module start). */
@Injectable()
export class UnitTreeDirectory extends UnitDirectory implements OnModuleInit {
  constructor(
    private readonly dataSource: DataSource,
    private readonly registry: UnitDirectoryRegistry,
  ) {
    super();
  }

  onModuleInit(): void {
    this.registry.use(this);
  }

  async resolvePaths(unitIds: string[]): Promise<Map<string, string>> {
    const ids = [...new Set(unitIds)].filter((id) => /^[0-9a-f-]{36}$/i.test(id));
    if (ids.length === 0) return new Map();
    const rows: { id: string; path: string }[] = await this.dataSource.query(
      'SELECT id, path FROM units WHERE id = ANY($1::uuid[])',
      [ids],
    );
    return new Map(rows.map((r) => [r.id, r.path]));
  }
}
