/**
 * Event types the volunteers module publishes (through the outbox); the points rules react to
 * them. Values never change once released; `data` shapes below are part of the contract. Every
 * event carries `data.title` (what the owner reads in the points reason) and the unit it happened at.
 */
export const VolunteersEvent = {
  /**
   * Verified service hours (an activity of kind `service`, a service post's shift, an approved
   * self-reported request). One event per volunteer; quantity: hours.
   * data: { source: 'activity'|'post'|'hour-request', sourceId, title, hours }; actors: [{ personId, role: 'volunteer' }]
   */
  ServiceVerified: 'volunteers.service.verified',
  /**
   * A verified attendance of an activity (any kind). One event per attendee; quantity: hours.
   * data: { activityId, kind, title, hours }; actors: [{ personId, role: 'attendee' }]
   */
  ActivityAttended: 'volunteers.activity.attended',
  /**
   * A verified shift of a service post (志愿服务岗位). One event per person; quantity: hours.
   * data: { postId, shiftId, title, hours }; actors: [{ personId, role: 'volunteer' }]
   */
  PostShiftCompleted: 'volunteers.post.shift-completed',
  /**
   * A claimant fulfilled a demand (micro-wish, service need, task); its points stay pending until
   * the requester confirms. `wishId` is the fulfilment's own id (each attempt has one), so that a
   * rejected attempt voids only its own points and a later attempt can earn again.
   * data: { wishId, demandId, kind, title }; actors: [{ personId | organizationId, role: 'claimant' }]
   */
  WishFulfilled: 'volunteers.wish.fulfilled',
  /** The requester confirmed the fulfilment. data: { wishId, demandId, kind, title, rating }; actors: the claimant (role 'claimant') */
  WishConfirmed: 'volunteers.wish.confirmed',
  /** The requester rejected the fulfilment (points voided). data: { wishId, demandId, kind, title, reason }; actors: the claimant */
  WishRejected: 'volunteers.wish.rejected',
} as const;

export type VolunteersEventType = (typeof VolunteersEvent)[keyof typeof VolunteersEvent];
