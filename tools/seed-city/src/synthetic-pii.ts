import { maskIdNumber, maskPhone, PiiCrypto } from '@linli/platform';
import { Prng } from './prng';

const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const ID_CHECK_CHARACTERS = '10X98765432';
const MOBILE_PREFIXES = [
  '130',
  '131',
  '132',
  '135',
  '136',
  '137',
  '138',
  '139',
  '150',
  '151',
  '152',
  '155',
  '156',
  '158',
  '159',
  '166',
  '176',
  '177',
  '180',
  '181',
  '186',
  '187',
  '188',
  '189',
  '199',
];

/** Birth dates span this many days from 1940-01-01 (about 68 years). */
const BIRTH_DAYS = 24837;
/** Distinct (birth date, sequence) pairs: ID numbers are unique for up to this many people. */
const ID_SPACE = BIRTH_DAYS * 1000;
/** Coprime to ID_SPACE (= 2³·3·5³·17·487): multiplying by it modulo ID_SPACE permutes the space. */
const ID_STRIDE = 7919 * 13;

/** GB 11643 check character of the first 17 digits (same rule as the people module's validation). */
export function idCheckCharacter(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += (first17.charCodeAt(i) - 48) * ID_WEIGHTS[i];
  return ID_CHECK_CHARACTERS[sum % 11];
}

export function mobileNumber(prng: Prng): string {
  return prng.pick(MOBILE_PREFIXES) + String(prng.int(0, 99999999)).padStart(8, '0');
}

export interface SyntheticIdentity {
  idNumber: string;
  birthDate: string;
  /** As the ID number says: an odd 17th digit is a man. */
  gender: 'male' | 'female';
}

/**
 * A valid resident ID number, unique per `personIndex` (below 24.8 million): the index is permuted
 * over (birth date, sequence) pairs, so numbers never collide and birth dates look random. The
 * region code (6 digits) is cosmetic.
 */
export function residentIdentity(personIndex: number, regionCode: string): SyntheticIdentity {
  if (personIndex >= ID_SPACE) throw new Error('too many people for unique synthetic ID numbers');
  const slot = (personIndex * ID_STRIDE) % ID_SPACE;
  const day = slot % BIRTH_DAYS;
  const sequence = Math.floor(slot / BIRTH_DAYS);
  const birthDate = new Date(Date.UTC(1940, 0, 1) + day * 86400000).toISOString().slice(0, 10);
  const first17 = `${regionCode}${birthDate.replace(/-/g, '')}${String(sequence).padStart(3, '0')}`;
  return { idNumber: first17 + idCheckCharacter(first17), birthDate, gender: sequence % 2 === 1 ? 'male' : 'female' };
}

/** Stored form of one person's phone and ID number: cipher text, blind index and mask (as `PersonPii` writes them). */
export interface ProtectedPii {
  phoneCipher: string | null;
  phoneIndex: string | null;
  phoneMasked: string | null;
  idNumberCipher: string | null;
  idNumberIndex: string | null;
  idNumberMasked: string | null;
}

/**
 * Encrypts like the people module (`people/person-pii.ts`): blind-index kinds `phone` and
 * `id-number`, values in normal form.
 */
export function protect(crypto: PiiCrypto, phone: string | null, idNumber: string | null): ProtectedPii {
  return {
    phoneCipher: phone === null ? null : crypto.encrypt(phone),
    phoneIndex: phone === null ? null : crypto.blindIndex('phone', phone),
    phoneMasked: phone === null ? null : maskPhone(phone),
    idNumberCipher: idNumber === null ? null : crypto.encrypt(idNumber),
    idNumberIndex: idNumber === null ? null : crypto.blindIndex('id-number', idNumber),
    idNumberMasked: idNumber === null ? null : maskIdNumber(idNumber),
  };
}
