/**
 * Event types the deliberation module publishes (through the outbox); the points rules react to
 * them. Values never change once released; the `data` shapes below are part of the contract. Every
 * event carries `data.title` (what a points reason shows) and the unit it happened at.
 */
export const DeliberationEvent = {
  /** A topic entered collection. data: { topicId, title, category, source, proposalId? }; actors: the creator's person, if any (role 'author') */
  TopicCreated: 'deliberation.topic.created',
  /** A topic's resolution was recorded. data: { topicId, title, basis: 'vote'|'meeting', voteId?, meetingId? }; actors: none */
  TopicResolved: 'deliberation.topic.resolved',
  /** A topic's execution reached 100 %. data: { topicId, title, responsibleParty }; actors: none */
  TopicExecuted: 'deliberation.topic.executed',
  /** A resident proposal reached its co-signer threshold and became a topic. data: { proposalId, topicId, title, cosigners }; actors: [{ personId: proposer, role: 'proposer' }] */
  ProposalAdopted: 'deliberation.proposal.adopted',
  /** One attendee of a meeting (one event per attendee). data: { meetingId, kind, title }; actors: [{ personId, role: 'attendee' }] */
  MeetingAttended: 'deliberation.meeting.attended',
} as const;

export type DeliberationEventType = (typeof DeliberationEvent)[keyof typeof DeliberationEvent];
