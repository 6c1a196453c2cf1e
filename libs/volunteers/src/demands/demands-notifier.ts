import { Injectable } from '@nestjs/common';
import { NotificationOutbox, NotificationRecipient, SendNotificationJob } from '@linli/platform';
import { EntityManager } from 'typeorm';
import { DemandsTemplate } from './demands-templates';

/** A claimant to tell something: the person, or for an organization's claim the user who made it. */
export function claimantRecipient(claim: {
  claimant_person_id: string | null;
  claimed_by_user_id: string | null;
}): NotificationRecipient | null {
  if (claim.claimant_person_id) return { personId: claim.claimant_person_id };
  if (claim.claimed_by_user_id) return { userId: claim.claimed_by_user_id };
  return null;
}

/**
 * Notifications of the demands area, requested in the transaction of the change that causes them
 * (`NotificationOutbox`): they are queued once it commits and never for a rolled-back change;
 * dedupe keys come from the record that caused them.
 */
@Injectable()
export class DemandsNotifier {
  constructor(private readonly outbox: NotificationOutbox) {}

  fulfilled(manager: EntityManager, requesterPersonId: string, fulfilmentId: string, title: string): Promise<void> {
    return this.outbox.requestOne(manager, {
      recipient: { personId: requesterPersonId },
      templateKey: DemandsTemplate.Fulfilled,
      data: { title },
      dedupeKey: `${DemandsTemplate.Fulfilled}:${fulfilmentId}`,
    });
  }

  rejected(
    manager: EntityManager,
    recipient: NotificationRecipient | null,
    fulfilmentId: string,
    title: string,
    reason: string,
  ): Promise<void> {
    if (!recipient) return Promise.resolve();
    return this.outbox.requestOne(manager, {
      recipient,
      templateKey: DemandsTemplate.FulfilmentRejected,
      data: { title, reason },
      dedupeKey: `${DemandsTemplate.FulfilmentRejected}:${fulfilmentId}`,
    });
  }

  invited(
    manager: EntityManager,
    invitations: { id: string; personId: string }[],
    demand: { title: string; unitName: string },
  ): Promise<void> {
    return this.outbox.request(
      manager,
      invitations.map((invitation) => ({
        recipient: { personId: invitation.personId },
        templateKey: DemandsTemplate.Invitation,
        data: { title: demand.title, unitName: demand.unitName },
        dedupeKey: `${DemandsTemplate.Invitation}:${invitation.id}`,
      })),
    );
  }

  lapsed(
    manager: EntityManager,
    recipient: NotificationRecipient | null,
    claimId: string,
    title: string,
  ): Promise<void> {
    if (!recipient) return Promise.resolve();
    return this.outbox.requestOne(manager, {
      recipient,
      templateKey: DemandsTemplate.ClaimLapsed,
      data: { title },
      dedupeKey: `${DemandsTemplate.ClaimLapsed}:${claimId}`,
    });
  }

  many(manager: EntityManager, jobs: SendNotificationJob[]): Promise<void> {
    return this.outbox.request(manager, jobs);
  }
}
