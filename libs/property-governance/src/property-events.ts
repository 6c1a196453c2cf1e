/**
 * Event types the property-governance module publishes (through the outbox). Values never change
 * once released; the `data` shapes are part of the contract. Every event carries `data.title` and
 * the complex (or the campaign's unit) it happened at.
 */
export const PropertyEvent = {
  /** An owners' joint decision closed with its result. data: { decisionId, title, matter, outcome, participation, approval }; actors: none */
  DecisionClosed: 'property.decision.closed',
  /** An owners' committee was elected. data: { committeeId, title, electionDecisionId, members }; actors: the members (role 'member') */
  CommitteeElected: 'property.committee.elected',
  /** An evaluation campaign's scores were published. data: { campaignId, title, period, complexes }; actors: none */
  EvaluationPublished: 'property.evaluation.published',
  /** A property company was ordered to rectify at a complex. data: { rectificationId, title, companyId, score, deadline }; actors: none */
  RectificationOrdered: 'property.rectification.ordered',
} as const;

export type PropertyEventType = (typeof PropertyEvent)[keyof typeof PropertyEvent];
