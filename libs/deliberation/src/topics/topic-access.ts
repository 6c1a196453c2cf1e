import { Injectable } from '@nestjs/common';
import { AuthenticatedUser, NotFoundProblem, Permission, ScopedReferences } from '@linli/platform';
import { EntityManager } from 'typeorm';
import { DeliberationAccess, ResidentIdentity } from '../access/deliberation-access';
import { TopicRecord } from './topic-record';
import { TopicsRepository } from './topics.repository';

const WHAT = '该议题';

/**
 * How the topics area finds the topic a request names: visible to the caller (staff read scope, or
 * a resident living within its unit), held by staff with a permission in scope, or acted on by a
 * resident within its unit. Each answers 404 outside, never revealing the topic.
 */
@Injectable()
export class TopicAccess {
  constructor(
    private readonly topics: TopicsRepository,
    private readonly access: DeliberationAccess,
    private readonly references: ScopedReferences,
  ) {}

  /** The topic if the caller may see it, else 404. */
  async visible(user: AuthenticatedUser, id: string, manager?: EntityManager): Promise<TopicRecord> {
    const topic = await this.topics.readOne(manager, id);
    if (!topic) throw new NotFoundProblem(WHAT);
    await this.access.assertCanSee(user, topic.unitPath, WHAT);
    return topic;
  }

  /** The topic, locked, when it lies in the caller's `permission` scope (else 404). */
  async staffLocked(
    manager: EntityManager,
    user: AuthenticatedUser,
    permission: Permission,
    id: string,
  ): Promise<TopicRecord> {
    await this.references.reachOne(user, permission, 'topic', id, manager);
    const topic = await this.topics.readOne(manager, id, { lock: true });
    if (!topic) throw new NotFoundProblem(WHAT);
    return topic;
  }

  /** The topic, locked, and the resident acting on it (living within its unit; 403/404 rules of `residentWithin`). */
  async residentLocked(
    manager: EntityManager,
    user: AuthenticatedUser,
    id: string,
  ): Promise<{ topic: TopicRecord; resident: ResidentIdentity }> {
    const topic = await this.topics.readOne(manager, id, { lock: true });
    if (!topic) throw new NotFoundProblem(WHAT);
    const resident = await this.access.residentWithin(user, topic.unitPath, WHAT, manager);
    return { topic, resident };
  }
}
