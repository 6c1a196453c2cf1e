import { Injectable, OnModuleInit } from '@nestjs/common';
import { ReferenceResolvers, sqlReferencePaths } from '@linli/platform';
import { DataSource, EntityManager } from 'typeorm';

/** A deliberation kind and the table holding it (each row keeps its own copy of its unit's path). */
interface DeliberationKind {
  kind: string;
  displayName: string;
  table: string;
}

const KINDS: DeliberationKind[] = [
  { kind: 'topic', displayName: '该议题', table: 'deliberation_topics' },
  { kind: 'vote', displayName: '该表决', table: 'deliberation_votes' },
  { kind: 'proposal', displayName: '该提案', table: 'deliberation_proposals' },
  { kind: 'meeting', displayName: '该会议', table: 'deliberation_meetings' },
  { kind: 'convention', displayName: '该居民公约', table: 'deliberation_conventions' },
];

/**
 * Registers deliberation's kinds with the kernel's reference check (`ScopedReferences.reach`), so
 * that the id of a topic, vote, proposal, meeting or convention carried in a body or a query
 * resolves within the caller's scope like a path id (404 outside it). Only deliberation's tables
 * are read.
 */
@Injectable()
export class DeliberationReferences implements OnModuleInit {
  constructor(
    private readonly resolvers: ReferenceResolvers,
    private readonly dataSource: DataSource,
  ) {}

  onModuleInit(): void {
    for (const { kind, displayName, table } of KINDS) {
      const sql = `SELECT id::text AS id, unit_path AS path FROM ${table} WHERE id = ANY($1::uuid[])`;
      this.resolvers.register({
        kind,
        displayName,
        pathsOf: (ids: string[], manager?: EntityManager) =>
          sqlReferencePaths(manager ?? this.dataSource.manager, sql, ids),
      });
    }
  }
}
