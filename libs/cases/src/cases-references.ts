import { Injectable, OnModuleInit } from '@nestjs/common';
import { ReferenceResolvers, sqlReferencePaths } from '@linli/platform';
import { DataSource, EntityManager } from 'typeorm';

interface CasesKind {
  kind: string;
  displayName: string;
  sql: string;
}

const KINDS: CasesKind[] = [
  {
    kind: 'case',
    displayName: '该案件',
    sql: `SELECT id::text AS id, unit_path AS path FROM cases WHERE id = ANY($1::uuid[])`,
  },
  {
    kind: 'case-department',
    displayName: '该职能部门',
    sql: `SELECT id::text AS id, unit_path AS path FROM case_departments WHERE id = ANY($1::uuid[])`,
  },
];

/**
 * Registers the cases kinds with the kernel's reference check, so that a case or department id
 * carried in a body or a query resolves within the caller's scope like a path id (404 outside it).
 */
@Injectable()
export class CasesReferences implements OnModuleInit {
  constructor(
    private readonly resolvers: ReferenceResolvers,
    private readonly dataSource: DataSource,
  ) {}

  onModuleInit(): void {
    for (const { kind, displayName, sql } of KINDS)
      this.resolvers.register({
        kind,
        displayName,
        pathsOf: (ids: string[], manager?: EntityManager) =>
          sqlReferencePaths(manager ?? this.dataSource.manager, sql, ids),
      });
  }
}
