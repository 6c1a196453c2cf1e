import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { AuthenticatedUser, Clock, NotFoundProblem, Page, paginateSql, SqlPageQuery } from '@linli/platform';
import { Repository, SelectQueryBuilder, UpdateQueryBuilder } from 'typeorm';
import { InboxQueryDto } from './dto/inbox-query.dto';
import { Notification } from './notification.entity';

/** `Notification`'s columns under its property names. */
const NOTIFICATION_COLUMNS = `n.id, n.recipient_user_id AS "recipientUserId", n.recipient_person_id AS "recipientPersonId",
  n.template_key AS "templateKey", n.title, n.body, n.data, n.dedupe_key AS "dedupeKey", n.created_at AS "createdAt",
  n.read_at AS "readAt"`;

type Caller = Pick<AuthenticatedUser, 'userId' | 'personId'>;

/**
 * The caller's inbox: notifications addressed to their user id, or to the person their account is
 * linked to. Anything else is invisible (404, not 403).
 */
@Injectable()
export class InboxService {
  constructor(
    @InjectRepository(Notification) private readonly notifications: Repository<Notification>,
    private readonly clock: Clock,
  ) {}

  /** Newest first; plain SQL (every client polls it). */
  list(caller: Caller, query: InboxQueryDto): Promise<Page<Notification>> {
    const where: SqlPageQuery['where'] = [
      caller.personId
        ? {
            sql: 'n.recipient_user_id = :userId OR n.recipient_person_id = :personId',
            params: { userId: caller.userId, personId: caller.personId },
          }
        : { sql: 'n.recipient_user_id = :userId', params: { userId: caller.userId } },
    ];
    if (query.unread) where.push({ sql: 'n.read_at IS NULL', params: {} });
    return paginateSql<Notification>(
      this.notifications.manager,
      { select: `SELECT ${NOTIFICATION_COLUMNS} FROM notifications n`, where },
      query,
      {
        sortColumn: 'n.created_at',
        sortKey: (n) => n.createdAt,
        tieColumn: 'n.id',
        tieKey: (n) => n.id,
        direction: 'DESC',
      },
    );
  }

  unreadCount(caller: Caller): Promise<number> {
    return this.ownedBy(this.notifications.createQueryBuilder('n'), caller, 'n.')
      .andWhere('n.read_at IS NULL')
      .getCount();
  }

  /** Marks one of the caller's notifications read (keeping the first read time); 404 if it is not theirs. */
  async markRead(caller: Caller, id: string): Promise<Notification> {
    await this.ownedBy(this.notifications.createQueryBuilder().update(Notification), caller, '')
      .set({ readAt: this.clock.now() })
      .andWhere('id = :id', { id })
      .andWhere('read_at IS NULL')
      .execute();
    const notification = await this.ownedBy(this.notifications.createQueryBuilder('n'), caller, 'n.')
      .andWhere('n.id = :id', { id })
      .getOne();
    if (!notification) throw new NotFoundProblem('该通知');
    return notification;
  }

  async markAllRead(caller: Caller): Promise<number> {
    const result = await this.ownedBy(this.notifications.createQueryBuilder().update(Notification), caller, '')
      .set({ readAt: this.clock.now() })
      .andWhere('read_at IS NULL')
      .execute();
    return result.affected ?? 0;
  }

  private ownedBy<Q extends SelectQueryBuilder<Notification> | UpdateQueryBuilder<Notification>>(
    qb: Q,
    caller: Caller,
    prefix: string,
  ): Q {
    if (caller.personId) {
      qb.where(`(${prefix}recipient_user_id = :ownerUserId OR ${prefix}recipient_person_id = :ownerPersonId)`, {
        ownerUserId: caller.userId,
        ownerPersonId: caller.personId,
      });
    } else {
      qb.where(`${prefix}recipient_user_id = :ownerUserId`, { ownerUserId: caller.userId });
    }
    return qb;
  }
}
