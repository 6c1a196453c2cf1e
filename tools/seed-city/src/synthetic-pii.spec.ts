import { idCheckCharacter, residentIdentity } from './synthetic-pii';

describe('synthetic personal data', () => {
  it('computes the GB 11643 check character', () => {
    expect(idCheckCharacter('11010519491231002')).toBe('X');
  });

  it('gives every person a distinct, valid ID number whose birth date and gender it states', () => {
    const seen = new Set<string>();
    for (let i = 0; i < 50000; i++) {
      const { idNumber, birthDate, gender } = residentIdentity(i, '330102');
      expect(idNumber).toHaveLength(18);
      expect(idNumber.slice(6, 14)).toBe(birthDate.replace(/-/g, ''));
      expect(idNumber[17]).toBe(idCheckCharacter(idNumber.slice(0, 17)));
      expect(Number(idNumber[16]) % 2 === 1).toBe(gender === 'male');
      seen.add(idNumber);
    }
    expect(seen.size).toBe(50000);
  });
});
