import { createHash } from 'node:crypto';

/** The prefix of an anonymised person's name: `已注销用户-3f9a1c02`. */
export const PSEUDONYM_PREFIX = '已注销用户-';

/**
 * The name an anonymised person keeps: the prefix and 8 hex digits of a hash of the person id
 * (stable, so that anonymising twice gives the same name; the id is no secret, so neither is this).
 */
export function pseudonymFor(personId: string): string {
  return PSEUDONYM_PREFIX + createHash('sha256').update(personId.toLowerCase()).digest('hex').slice(0, 8);
}

export function isPseudonym(name: string): boolean {
  return name.startsWith(PSEUDONYM_PREFIX);
}
