import { normalizeIdNumber, normalizePhone } from '@linli/platform';
import { registerDecorator, ValidationOptions } from 'class-validator';
import { UnitKind } from '../units/unit-kind';

/** Where a person may reside: as precise as known. */
export const RESIDENCE_UNIT_KINDS: readonly UnitKind[] = ['building', 'complex', 'grid', 'community'];

export const GENDERS = ['male', 'female'] as const;
export const GENDER_DISPLAY: Record<(typeof GENDERS)[number], string> = { male: '男', female: '女' };

export const PERSON_NAME_MAX_LENGTH = 100;

/**
 * A birth date as the api shows it outside the audited reveal: the year only (`1949-**-**`). The
 * masked ID number hides the same digits; showing the full date next to it would let a loop over
 * the remaining digits and the check character recover the number.
 */
export function maskBirthDate(birthDate: string | null): string | null {
  return birthDate === null ? null : `${birthDate.slice(0, 4)}-**-**`;
}
export const EXTERNAL_ID_MAX_LENGTH = 64;

/** A household code (户号, a room or door number such as `3-502`), unique within the residence unit. */
export const HOUSEHOLD_CODE_MAX_LENGTH = 64;

const MOBILE = /^1[3-9]\d{9}$/;
/** What people write in a phone field: digits, spaces, `+`, `-` and brackets (`+86 138-1234-5678`). */
const PHONE_CHARACTERS = /^[\d\s+\-()]+$/;

/** A mainland mobile number in its normal form (`13812345678`), or undefined when `raw` is not one. */
export function normalizeMainlandMobile(raw: string): string | undefined {
  if (!PHONE_CHARACTERS.test(raw)) return undefined;
  const phone = normalizePhone(raw);
  return MOBILE.test(phone) ? phone : undefined;
}

const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const ID_CHECK_CHARACTERS = '10X98765432';

/** The GB 11643 check character of the first 17 digits. */
export function idNumberCheckCharacter(first17: string): string {
  const sum = [...first17].reduce((total, digit, i) => total + Number(digit) * ID_WEIGHTS[i], 0);
  return ID_CHECK_CHARACTERS[sum % 11];
}

/**
 * A resident ID number (GB 11643: 17 digits, a real birth date at digits 7–14, the check
 * character) in its normal form (upper-case `X`), or undefined when `raw` is not one.
 */
export function normalizeResidentIdNumber(raw: string): string | undefined {
  const id = normalizeIdNumber(raw);
  if (!/^\d{17}[\dX]$/.test(id)) return undefined;
  const [year, month, day] = [Number(id.slice(6, 10)), Number(id.slice(10, 12)), Number(id.slice(12, 14))];
  const birth = new Date(Date.UTC(year, month - 1, day));
  if (year < 1900 || birth.getUTCFullYear() !== year || birth.getUTCMonth() !== month - 1 || birth.getUTCDate() !== day)
    return undefined;
  return idNumberCheckCharacter(id.slice(0, 17)) === id[17] ? id : undefined;
}

function stringValidator(
  name: string,
  message: string,
  accept: (value: string) => boolean,
  options?: ValidationOptions,
): PropertyDecorator {
  return (target: object, propertyName: string | symbol) =>
    registerDecorator({
      name,
      target: target.constructor,
      propertyName: propertyName as string,
      options: { message, ...options },
      validator: { validate: (value: unknown) => typeof value === 'string' && accept(value) },
    });
}

/** A mainland mobile number `1[3-9]` + 9 digits (spaces, dashes and a +86 prefix allowed). */
export const IsMainlandMobile = (options?: ValidationOptions): PropertyDecorator =>
  stringValidator(
    'isMainlandMobile',
    '$property must be a mainland mobile number (11 digits starting 13–19)',
    (v) => normalizeMainlandMobile(v) !== undefined,
    options,
  );

/** An 18-character resident ID number with a valid birth date and GB 11643 check character. */
export const IsResidentIdNumber = (options?: ValidationOptions): PropertyDecorator =>
  stringValidator(
    'isResidentIdNumber',
    '$property must be an 18-character resident ID number with a valid check character',
    (v) => normalizeResidentIdNumber(v) !== undefined,
    options,
  );

/** A calendar date `YYYY-MM-DD` that exists. */
export const IsCalendarDate = (options?: ValidationOptions): PropertyDecorator =>
  stringValidator(
    'isCalendarDate',
    '$property must be a date YYYY-MM-DD',
    (v) => {
      if (!/^\d{4}-\d{2}-\d{2}$/.test(v)) return false;
      const date = new Date(`${v}T00:00:00Z`);
      return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === v;
    },
    options,
  );
