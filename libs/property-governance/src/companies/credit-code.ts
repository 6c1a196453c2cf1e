/**
 * The unified social credit code (统一社会信用代码, GB 32100-2015): 18 characters from the 31-character
 * alphabet `0-9 A-H J-N P Q R T U W X Y` (no I, O, S, V, Z). The 18th is the check character:
 * C18 = 31 − (Σ Ci × Wi mod 31) over the first 17 (Wi = 3^(i−1) mod 31), with 31 written as 0.
 */
export const CREDIT_CODE_ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

/** The check character of the first 17 characters; undefined when one is outside the alphabet. */
export function creditCodeCheckOf(first17: string): string | undefined {
  if (first17.length !== 17) return undefined;
  let sum = 0;
  for (let i = 0; i < 17; i += 1) {
    const value = CREDIT_CODE_ALPHABET.indexOf(first17[i]);
    if (value < 0) return undefined;
    sum += value * WEIGHTS[i];
  }
  return CREDIT_CODE_ALPHABET[(31 - (sum % 31)) % 31];
}

/** Whether `code` (upper case, 18 characters) is a well-formed code whose check character matches. */
export function isValidCreditCode(code: string): boolean {
  if (!/^[0-9A-HJ-NPQRTUWXY]{18}$/.test(code)) return false;
  return creditCodeCheckOf(code.slice(0, 17)) === code[17];
}
