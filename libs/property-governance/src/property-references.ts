import { Injectable, OnModuleInit } from '@nestjs/common';
import { ReferenceResolvers, sqlReferencePaths } from '@linli/platform';
import { DataSource, EntityManager } from 'typeorm';

/** A property kind and the SQL reading its unit path from this module's own tables. */
interface PropertyKind {
  kind: string;
  displayName: string;
  sql: string;
}

const located = (table: string) => `SELECT id::text AS id, unit_path AS path FROM ${table} WHERE id = ANY($1::uuid[])`;

const KINDS: PropertyKind[] = [
  { kind: 'part', displayName: '该专有部分', sql: located('property_parts') },
  { kind: 'decision', displayName: '该业主共同决定事项', sql: located('property_decisions') },
  { kind: 'committee', displayName: '该业主委员会', sql: located('property_committees') },
  { kind: 'contract', displayName: '该物业服务合同', sql: located('property_contracts') },
  { kind: 'property-campaign', displayName: '该物业评价活动', sql: located('property_evaluation_campaigns') },
  { kind: 'rectification', displayName: '该整改通知', sql: located('property_rectifications') },
  // A company is deployment-wide (it serves complexes anywhere): reachable with any property grant, see PropertyAccess.
  {
    kind: 'company',
    displayName: '该物业服务企业',
    sql: `SELECT id::text AS id, NULL::text AS path FROM property_companies WHERE id = ANY($1::uuid[])`,
  },
];

/**
 * Registers property governance's kinds with the kernel's reference check, so that an id carried in
 * a body or a query resolves within the caller's scope like a path id (404 outside it). A company
 * has no unit (`null` path: only a deployment-wide grant reaches it through `ScopedReferences`);
 * routes that take a company id from staff of a smaller scope check it with `PropertyAccess`.
 */
@Injectable()
export class PropertyReferences implements OnModuleInit {
  constructor(
    private readonly resolvers: ReferenceResolvers,
    private readonly dataSource: DataSource,
  ) {}

  onModuleInit(): void {
    for (const { kind, displayName, sql } of KINDS) {
      this.resolvers.register({
        kind,
        displayName,
        pathsOf: (ids: string[], manager?: EntityManager) =>
          sqlReferencePaths(manager ?? this.dataSource.manager, sql, ids),
      });
    }
  }
}
