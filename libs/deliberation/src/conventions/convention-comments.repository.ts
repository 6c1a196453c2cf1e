import { Injectable } from '@nestjs/common';
import { queryRows } from '@linli/platform';
import { DataSource, EntityManager } from 'typeorm';

export interface ConventionComment {
  id: string;
  authorPersonId: string | null;
  content: string;
  createdAt: Date;
}

interface CommentRow {
  id: string;
  author_person_id: string | null;
  content: string;
  created_at: Date;
}

/** Comments on a convention draft during its public comment period (`deliberation_convention_comments`). */
@Injectable()
export class ConventionCommentsRepository {
  constructor(private readonly dataSource: DataSource) {}

  async insert(
    manager: EntityManager,
    comment: { conventionId: string; personId: string; userId: string; content: string; at: Date },
  ): Promise<ConventionComment> {
    const [row] = await queryRows<CommentRow>(
      manager,
      `INSERT INTO deliberation_convention_comments (convention_id, author_person_id, author_user_id, content, created_at)
       VALUES ($1, $2, $3, $4, $5) RETURNING id, author_person_id, content, created_at`,
      [comment.conventionId, comment.personId, comment.userId, comment.content, comment.at],
    );
    return toComment(row);
  }

  /** Up to `limit + 1` comments, oldest first, after the keyset (created_at, id). */
  async list(conventionId: string, after: [string, string] | undefined, limit: number): Promise<ConventionComment[]> {
    const rows = await queryRows<CommentRow>(
      this.dataSource.manager,
      `SELECT id, author_person_id, content, created_at FROM deliberation_convention_comments
        WHERE convention_id = $1 AND ($2::timestamptz IS NULL OR (created_at, id) > ($2::timestamptz, $3::uuid))
        ORDER BY created_at, id LIMIT $4`,
      [conventionId, after?.[0] ?? null, after?.[1] ?? null, limit + 1],
    );
    return rows.map(toComment);
  }
}

function toComment(row: CommentRow): ConventionComment {
  return { id: row.id, authorPersonId: row.author_person_id, content: row.content, createdAt: row.created_at };
}
