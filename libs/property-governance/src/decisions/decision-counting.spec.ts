import { countElectorate, CountedPart, toCenti } from './electorate-counting';
import { BallotChoice, DecisionMatter, tally, tallyFromSums } from './decision-rules';

const part = (
  id: string,
  area: string,
  owners: string[],
  status: CountedPart['status'] = 'delivered',
): CountedPart => ({
  id,
  areaCenti: toCenti(area),
  status,
  ownerPersonIds: owners,
});

describe('the electorate of a complex (SPC interpretation arts 8–9)', () => {
  it('counts the developer once for all unsold and undelivered parts, a buyer of several parts once, co-owners once', () => {
    const electorate = countElectorate([
      part('a-101', '100.00', [], 'unsold'),
      part('a-102', '80.00', ['dev-buyer'], 'sold_undelivered'),
      part('b-201', '90.50', ['p1']),
      part('b-202', '60.25', ['p1']),
      part('c-301', '120.00', ['p3', 'p2']),
      part('d-401', '70.00', ['p4']),
      part('d-402', '79.25', ['p5']),
    ]);
    // 100 + 80 + 90.50 + 60.25 + 120 + 70 + 79.25 = 600.00 m²; heads: developer, p1, {p2, p3}, p4, p5.
    expect(electorate.totalAreaCenti).toBe(60000);
    expect(electorate.heads.map((head) => [head.key, head.areaCenti, head.partIds.length])).toEqual([
      ['developer', 18000, 2],
      ['owners:p1', 15075, 2],
      ['owners:p2+p3', 12000, 1],
      ['owners:p4', 7000, 1],
      ['owners:p5', 7925, 1],
    ]);
  });

  it('keeps the same co-owner set as one head whatever order their names come in', () => {
    const electorate = countElectorate([
      part('x', '50', ['b', 'a']),
      part('y', '50.5', ['a', 'b']),
      part('z', '10', ['a']),
    ]);
    expect(electorate.heads.map((head) => [head.key, head.areaCenti])).toEqual([
      ['owners:a', 1000],
      ['owners:a+b', 10050],
    ]);
  });

  it('refuses an area with more than two decimals', () => {
    expect(() => toCenti('10.005')).toThrow(RangeError);
    expect(toCenti('10.5')).toBe(1050);
    expect(toCenti(99.99)).toBe(9999);
  });
});

/** Ballots as [choice, area m²]; the tally from the SQL's sums (the live tally's path) must answer the same. */
function decide(
  matter: DecisionMatter,
  electorate: { area: string; heads: number },
  ballots: [BallotChoice, string][],
) {
  const counted = ballots.map(([choice, area]) => ({ choice, areaCenti: toCenti(area) }));
  const sum = (list: typeof counted) => ({
    areaCenti: list.reduce((total, ballot) => total + ballot.areaCenti, 0),
    heads: list.length,
  });
  const figures = { areaCenti: toCenti(electorate.area), heads: electorate.heads };
  const result = tally({ matter, electorate: figures, ballots: counted });
  expect(
    tallyFromSums({
      matter,
      electorate: figures,
      participating: sum(counted),
      agree: sum(counted.filter((ballot) => ballot.choice === 'agree')),
    }),
  ).toEqual(result);
  return result;
}

describe('owners’ joint decisions (民法典 第二百七十八条)', () => {
  it('passes a rebuilding at exactly three-quarters of the participating area and heads', () => {
    const result = decide('rebuilding', { area: '400', heads: 4 }, [
      ['agree', '100'],
      ['agree', '100'],
      ['agree', '100'],
      ['disagree', '100'],
    ]);
    expect(result.approval).toMatchObject({ rule: 'three_quarters', areaCenti: 30000, heads: 3, met: true });
    expect(result.outcome).toBe('passed');
  });

  it('rejects a rebuilding just below three-quarters of the participating area', () => {
    const result = decide('rebuilding', { area: '400', heads: 4 }, [
      ['agree', '100'],
      ['agree', '100'],
      ['agree', '99.99'],
      ['disagree', '100.01'],
    ]);
    expect(result.approval).toMatchObject({ areaMet: false, headsMet: true, needed: { areaCenti: 1, heads: 0 } });
    expect(result.outcome).toBe('rejected');
  });

  it('rejects a more-than-half matter at exactly half, and passes it one head and a hundredth of a m² above', () => {
    const half = decide('company_hiring', { area: '400', heads: 4 }, [
      ['agree', '100'],
      ['agree', '100'],
      ['disagree', '100'],
      ['abstain', '100'],
    ]);
    expect(half.approval).toMatchObject({ rule: 'more_than_half', areaMet: false, headsMet: false });
    expect(half.approval.needed).toEqual({ areaCenti: 1, heads: 1 });
    expect(half.outcome).toBe('rejected');
    const above = decide('company_hiring', { area: '400', heads: 5 }, [
      ['agree', '100'],
      ['agree', '100'],
      ['agree', '0.01'],
      ['disagree', '100'],
      ['abstain', '99.99'],
    ]);
    expect(above.outcome).toBe('passed');
  });

  it('is valid with participation at exactly two-thirds of area and heads, and not valid just below', () => {
    const exact = decide('fund_use', { area: '300', heads: 3 }, [
      ['agree', '100'],
      ['agree', '100'],
    ]);
    expect(exact.participation).toMatchObject({
      areaCenti: 20000,
      heads: 2,
      met: true,
      needed: { areaCenti: 0, heads: 0 },
    });
    expect(exact.outcome).toBe('passed');
    const below = decide('fund_use', { area: '300', heads: 3 }, [
      ['agree', '100'],
      ['agree', '99.99'],
    ]);
    expect(below.participation).toMatchObject({
      areaMet: false,
      headsMet: true,
      met: false,
      needed: { areaCenti: 1, heads: 0 },
    });
    expect(below.outcome).toBe('not_valid');
    const fewHeads = decide('fund_use', { area: '300', heads: 4 }, [
      ['agree', '150'],
      ['agree', '150'],
    ]);
    expect(fewHeads.participation).toMatchObject({ areaMet: true, headsMet: false, needed: { heads: 1 } });
    expect(fewHeads.outcome).toBe('not_valid');
  });

  it('counts abstentions as participating and not as agreeing', () => {
    const result = decide('common_parts', { area: '300', heads: 3 }, [
      ['abstain', '100'],
      ['abstain', '100'],
      ['agree', '100'],
    ]);
    expect(result.participation.met).toBe(true);
    expect(result.approval).toMatchObject({ areaCenti: 10000, heads: 1, needed: { areaCenti: 12500, heads: 2 } });
    expect(result.outcome).toBe('rejected');
  });
});
