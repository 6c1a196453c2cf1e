import { idNumberCheckCharacter, normalizeMainlandMobile, normalizeResidentIdNumber } from './person-fields';

describe('person fields', () => {
  it('accepts mainland mobiles in the ways people write them and normalizes them', () => {
    expect(normalizeMainlandMobile('13812345678')).toBe('13812345678');
    expect(normalizeMainlandMobile('+86 138-1234-5678')).toBe('13812345678');
    expect(normalizeMainlandMobile('0086 13812345678')).toBe('13812345678');
  });

  it('refuses landlines, short numbers, a second digit below 3 and letters', () => {
    expect(normalizeMainlandMobile('0531-88888888')).toBeUndefined();
    expect(normalizeMainlandMobile('1381234567')).toBeUndefined();
    expect(normalizeMainlandMobile('12812345678')).toBeUndefined();
    expect(normalizeMainlandMobile('abc13812345678')).toBeUndefined();
  });

  it('computes the GB 11643 check character', () => {
    expect(idNumberCheckCharacter('11010519491231002')).toBe('X');
    expect(idNumberCheckCharacter('44052419800101001')).toBe('3');
  });

  it('accepts a resident ID number with a valid check character, upper-casing x', () => {
    expect(normalizeResidentIdNumber('11010519491231002x')).toBe('11010519491231002X');
    expect(normalizeResidentIdNumber('440524198001010013')).toBe('440524198001010013');
  });

  it('refuses a wrong check character, an impossible birth date, a birth year before 1900 and a wrong length', () => {
    expect(normalizeResidentIdNumber('110105194912310021')).toBeUndefined();
    expect(normalizeResidentIdNumber('110105194902300020')).toBeUndefined();
    expect(normalizeResidentIdNumber('440524188001010014')).toBeUndefined();
    expect(normalizeResidentIdNumber('11010519491231002')).toBeUndefined();
  });
});
