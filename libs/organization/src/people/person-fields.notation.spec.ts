import { normalizeMainlandMobile as parseMobile, normalizeResidentIdNumber as parseIdNumber } from './person-fields';

describe('person identifiers as written in import files', () => {
  it('accepts mainland mobiles written with spaces, dashes and a country code', () => {
    expect(parseMobile('13812345678')).toBe('13812345678');
    expect(parseMobile('+86 138-1234-5678')).toBe('13812345678');
    expect(parseMobile('(0086) 13812345678')).toBe('13812345678');
  });

  it('refuses landlines, short numbers and letters', () => {
    expect(parseMobile('010-12345678')).toBeUndefined();
    expect(parseMobile('12812345678')).toBeUndefined();
    expect(parseMobile('1381234567a')).toBeUndefined();
  });

  it('accepts an ID number with a right GB 11643 check character, lower-case x and spaces included', () => {
    expect(parseIdNumber('11010519491231002x')).toBe('11010519491231002X');
    expect(parseIdNumber(' 110105 19491231 002X ')).toBe('11010519491231002X');
  });

  it('refuses a wrong check character, an impossible birth date and a wrong length', () => {
    expect(parseIdNumber('110105194912310029')).toBeUndefined();
    expect(parseIdNumber('110105194902300027')).toBeUndefined();
    expect(parseIdNumber('11010519491231002')).toBeUndefined();
  });
});
