import { Injectable } from '@nestjs/common';
import { queryRows } from '@linli/platform';
import { EntityManager } from 'typeorm';

/** What a decision (决议) rests on: a passed vote on the topic, or a meeting's minutes adopting a decision on it. */
@Injectable()
export class TopicDecisionBasisRepository {
  /** Whether the vote is on this topic, closed, and passed. */
  async votePassed(manager: EntityManager, voteId: string, topicId: string): Promise<boolean> {
    const rows = await queryRows(
      manager,
      `SELECT 1 FROM deliberation_votes
        WHERE id = $1 AND topic_id = $2 AND status = 'closed' AND result->>'outcome' = 'passed'`,
      [voteId, topicId],
    );
    return rows.length > 0;
  }

  /**
   * The decision the meeting's minutes adopted on this topic (on its agenda), or undefined when the
   * topic is not on the agenda, no minutes are recorded, or they adopt nothing on it.
   */
  async meetingDecision(manager: EntityManager, meetingId: string, topicId: string): Promise<string | undefined> {
    const [row] = await queryRows<{ decision: string | null }>(
      manager,
      `SELECT d->>'decision' AS decision
         FROM deliberation_meeting_agenda a
         JOIN deliberation_meeting_minutes m ON m.meeting_id = a.meeting_id
         CROSS JOIN LATERAL jsonb_array_elements(CASE WHEN jsonb_typeof(m.decisions) = 'array' THEN m.decisions ELSE '[]'::jsonb END) d
        WHERE a.meeting_id = $1 AND a.topic_id = $2
          AND d->>'topicId' = $2::text AND d->'adopted' = 'true'::jsonb
        LIMIT 1`,
      [meetingId, topicId],
    );
    return row ? (row.decision ?? '') : undefined;
  }
}
