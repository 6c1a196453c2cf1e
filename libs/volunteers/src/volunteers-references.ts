import { Injectable, OnModuleInit } from '@nestjs/common';
import { ReferenceResolvers, sqlReferencePaths } from '@linli/platform';
import { DataSource, EntityManager } from 'typeorm';

/** A volunteers kind, the table that holds it and how its unit path is read (always the module's own `unit_path` copy). */
interface VolunteersKind {
  kind: string;
  displayName: string;
  /** `SELECT id, path … WHERE id = ANY($1)` on volunteers' own tables only. */
  sql: string;
}

const KINDS: VolunteersKind[] = [
  {
    kind: 'profile',
    displayName: '该志愿者档案',
    sql: `SELECT id::text AS id, unit_path AS path FROM volunteer_profiles WHERE id = ANY($1::uuid[])`,
  },
  {
    kind: 'team',
    displayName: '该服务队',
    sql: `SELECT id::text AS id, unit_path AS path FROM volunteer_teams WHERE id = ANY($1::uuid[])`,
  },
  {
    kind: 'demand',
    displayName: '该需求',
    sql: `SELECT id::text AS id, unit_path AS path FROM volunteer_demands WHERE id = ANY($1::uuid[])`,
  },
  {
    kind: 'activity',
    displayName: '该活动',
    sql: `SELECT id::text AS id, unit_path AS path FROM volunteer_activities WHERE id = ANY($1::uuid[])`,
  },
  {
    kind: 'hour-request',
    displayName: '该时长申报',
    sql: `SELECT id::text AS id, unit_path AS path FROM volunteer_hour_requests WHERE id = ANY($1::uuid[])`,
  },
  {
    kind: 'post',
    displayName: '该服务岗位',
    sql: `SELECT id::text AS id, unit_path AS path FROM volunteer_posts WHERE id = ANY($1::uuid[])`,
  },
  {
    kind: 'shift',
    displayName: '该班次',
    sql: `SELECT s.id::text AS id, p.unit_path AS path
            FROM volunteer_post_shifts s JOIN volunteer_posts p ON p.id = s.post_id
           WHERE s.id = ANY($1::uuid[])`,
  },
];

/**
 * Registers the volunteers kinds with the kernel's reference check (`ScopedReferences.reach`), so
 * that an id of a profile, team, demand, activity, hour request, post or shift carried in a body or
 * a query resolves within the caller's scope like a path id (404 outside it). Each record lies at
 * its own copy of its unit's path (a shift at its post's); only volunteers' tables are read.
 */
@Injectable()
export class VolunteersReferences implements OnModuleInit {
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
