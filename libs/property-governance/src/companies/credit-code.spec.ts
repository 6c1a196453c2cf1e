import { creditCodeCheckOf, isValidCreditCode } from './credit-code';

describe('unified social credit code (GB 32100-2015)', () => {
  it('accepts codes whose check character matches', () => {
    expect(isValidCreditCode('91350100M000100Y43')).toBe(true);
    expect(isValidCreditCode('914403001922038216')).toBe(true);
    expect(isValidCreditCode('91330100799655058B')).toBe(true);
  });

  it('computes the check character, 31 written as 0', () => {
    // Σ = 0 for seventeen zeros: 31 − 0 = 31 → '0'.
    expect(creditCodeCheckOf('00000000000000000')).toBe('0');
    // '1' then sixteen zeros: Σ = 1 → 31 − 1 = 30 → 'Y'.
    expect(creditCodeCheckOf('10000000000000000')).toBe('Y');
  });

  it('refuses a wrong check character, a wrong length, lower case and letters outside the alphabet', () => {
    expect(isValidCreditCode('91350100M000100Y44')).toBe(false);
    expect(isValidCreditCode('91350100M000100Y4')).toBe(false);
    expect(isValidCreditCode('91350100m000100y43')).toBe(false);
    expect(isValidCreditCode('91350100I000100Y43')).toBe(false);
  });
});
