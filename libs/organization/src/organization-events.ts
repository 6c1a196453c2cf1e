/**
 * Event types the organization module publishes (through the outbox). Values never change once
 * released; `data` shapes below are part of the contract.
 */
export const OrganizationEvent = {
  /** data: { memberId, personId, organizationId, category, status }; actors: [{ personId, role: 'member' }] */
  MemberJoined: 'organization.member.joined',
  /** data: { memberId, personId, fromOrganizationId, toOrganizationId }; actors: [{ personId, role: 'member' }] */
  MemberTransferred: 'organization.member.transferred',
  /** data: { registrationId, kind, communityUnitId, memberId?, organizationId?, institutionId? }; actors: the member's person or the organization */
  DualRegistrationCreated: 'organization.dual-registration.created',
  /** data: { organizationId, kind, parentId }; actors: [{ organizationId, role: 'organization' }] */
  OrganizationCreated: 'organization.organization.created',
  /** data: { organizationId, fromKind, toKind }; actors: [{ organizationId, role: 'organization' }] */
  OrganizationKindChanged: 'organization.organization.kind-changed',
} as const;

export type OrganizationEventType = (typeof OrganizationEvent)[keyof typeof OrganizationEvent];
