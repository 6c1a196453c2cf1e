/**
 * Event types the cases module publishes (through the outbox). Values never change once released;
 * the `data` shapes are part of the contract. Every event carries `data.title` and the case's unit.
 */
export const CasesEvent = {
  /** A case was registered (立案). data: { caseId, title, type, channel, categoryCode, level }; actors: none */
  CaseRegistered: 'cases.case.registered',
  /** A case escalated to the next level. data: { caseId, title, fromLevel, toLevel, reason, automatic }; actors: none */
  CaseEscalated: 'cases.case.escalated',
  /** A case was closed (结案). data: { caseId, title, onTime, reworks }; actors: none */
  CaseClosed: 'cases.case.closed',
  /**
   * A registered hazard that is not a duplicate (the points rule `hazard-reported` credits it).
   * data: { caseId, title, categoryCode }; actors: the reporter (role 'reporter')
   */
  HazardReported: 'cases.hazard.reported',
} as const;

export type CasesEventType = (typeof CasesEvent)[keyof typeof CasesEvent];
