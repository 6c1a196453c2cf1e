import { idCheckCharacter, residentIdentity } from './synthetic-pii';

describe('synthetic personal data', () => {
  it('computes the GB 11643 check character', () => {
    expect(idCheckCharacter('11010519491231002')).toBe('X');
  });

  it('gives every person a distinct, valid ID number whose birth date and gender it states', () => {
    const seen = new Set<string>();
    // One assertion over all of them: 200,000 calls of `expect` cost Jest tens of seconds on a busy runner.
    const wrong: string[] = [];
    for (let i = 0; i < 50000; i++) {
      const { idNumber, birthDate, gender } = residentIdentity(i, '330102');
      const valid =
        idNumber.length === 18 &&
        idNumber.slice(6, 14) === birthDate.replace(/-/g, '') &&
        idNumber[17] === idCheckCharacter(idNumber.slice(0, 17)) &&
        (Number(idNumber[16]) % 2 === 1) === (gender === 'male');
      if (!valid) wrong.push(`${i}: ${idNumber} ${birthDate} ${gender}`);
      seen.add(idNumber);
    }
    expect(wrong).toEqual([]);
    expect(seen.size).toBe(50000);
  });
});
