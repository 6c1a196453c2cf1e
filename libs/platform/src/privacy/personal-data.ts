import { EntityManager } from 'typeorm';

/** What every exporter, holder and eraser receives: the operation's transaction and business time. */
export interface PersonalDataContext {
  manager: EntityManager;
  now: Date;
}

/**
 * A domain's part of a person's data export (`GET /me/data`): everything it holds about the person,
 * read from its own tables only, as plain JSON (explicit fields; the person's own clear values
 * included, never another person's, never cipher text or keyed hashes).
 */
export interface PersonalDataExporter {
  /** The domain name, e.g. `organization`; the key of its part in the export. One exporter per domain. */
  readonly domain: string;
  exportPerson(personId: string, context: PersonalDataContext): Promise<Record<string, unknown>>;
}

/** Something that still needs the person's identity, so the person cannot be anonymised yet. */
export interface IdentityHold {
  /** Stable, dotted: `points.open-reservation`, `organization.party-member`. */
  code: string;
  /** Chinese, for the administrator: `有 2 个待领取的兑换`. */
  detail: string;
  count: number;
}

/** A domain's answer to "do you still need this person's identity?" (open reservations, active posts…). */
export interface IdentityHolder {
  readonly domain: string;
  holdsOf(personId: string, context: PersonalDataContext): Promise<IdentityHold[]>;
}

/** What an eraser did, for the audit entry (field names only, never values). */
export interface ErasureReport {
  /** e.g. `['name', 'phone', 'idNumber', 'birthDate']`. */
  erased: string[];
  /** Where the person lies (the owner of the person record says), for the audit entry's scope. */
  unit?: { unitId: string; unitPath: string };
}

/**
 * A domain's part of anonymising a person: erase the personal data it holds in its own tables,
 * keep its records (ledger, hours, history) under the same person id. Runs in the anonymisation's
 * transaction, after no holder answered a hold.
 */
export interface PersonalDataEraser {
  readonly domain: string;
  erasePerson(personId: string, context: PersonalDataContext & { pseudonym: string }): Promise<ErasureReport>;
  /**
   * Whether the person was anonymised (the owner of the person record answers): no account may be
   * linked to them again, or the erased person would act once more (and spend what the ledger kept).
   */
  isErased?(personId: string, manager?: EntityManager): Promise<boolean>;
}
