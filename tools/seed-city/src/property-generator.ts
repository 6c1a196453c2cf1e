import { DateTime } from 'luxon';
import {
  complexScore,
  DEFAULT_CATEGORY_WEIGHTS,
  DEFAULT_RATER_WEIGHTS,
  EVALUATION_CATEGORIES,
  gradeOf,
  RaterKind,
  ratingTotal,
} from '../../../libs/property-governance/src/evaluations/evaluation-defaults';
import { halfYearOf } from '../../../libs/property-governance/src/evaluations/evaluation-period';
import { headKeyOf } from '../../../libs/property-governance/src/decisions/electorate-counting';
import { Prng } from './prng';
import { CREDIT_ALPHABET, creditCheckCharacter, PropertyTables, propertyTables } from './property-rows';
import { SqlExecutor } from './table-buffer';

/** What the property step wrote, per table. */
export type PropertyCounts = Record<string, number>;

const ZONE = 'Asia/Shanghai';
const DISTRICT_DEPTH = 2;
const STREET_DEPTH = 3;
const COMPLEXES_PER_COMPANY = 4;
const COMMITTEE_SHARE = 0.6;
const COMPANY_NAMES = ['安居', '和顺', '邻里', '家园', '宜居', '康泰', '瑞祥', '同心', '惠民', '锦华'];

interface ComplexRow {
  id: string;
  path: string;
  buildings: string[];
}

interface Rating {
  kind: RaterKind;
  key: string;
  scores: Record<string, number>;
  total: number;
}

/** The oldest deployment-wide administrator, else the oldest account (the records need an author). */
async function authorAccount(sql: SqlExecutor): Promise<string | undefined> {
  const [row] = await sql.query(
    `SELECT u.id FROM users u LEFT JOIN role_grants g ON g.user_id = u.id AND g.role = 'admin' AND g.unit_id IS NULL
     ORDER BY (g.id IS NULL), u.created_at, u.id LIMIT 1`,
  );
  return row?.id as string | undefined;
}

/**
 * Property-governance data for every complex of a seeded city, from its own seeded stream (stream 5,
 * so the organization and deliberation data of a seed stay what they were): 4–8 exclusive parts per
 * building (50–150 m²), mostly delivered with one or two owners among the complex's residents (the
 * residents are dealt out once before anyone gets a second part), about 5 % unsold (the developer's);
 * a property company per four complexes with a valid unified social credit code and an active
 * contract per complex; an active owners' committee at about 60 % of complexes (5 or 7 owners, chair
 * and vice chair, filed) with its seats and a party-branch secretary (the chair himself at a third of
 * them: 一肩挑); one published evaluation campaign per district for the last half-year with ratings
 * by owners, committee, branch and community, results, street and district ranks. Without an account
 * nothing is written and `undefined` is answered.
 */
export async function seedProperty(
  sql: SqlExecutor,
  options: { seed: number; today: string; log: (line: string) => void },
): Promise<PropertyCounts | undefined> {
  const prng = new Prng(options.seed, 5);
  const now = DateTime.fromISO(options.today, { zone: ZONE }).set({ hour: 9 });
  const userId = await authorAccount(sql);
  if (userId === undefined) {
    options.log('property: no account to attribute the records to yet; skipped (run seedProperty once one exists)');
    return undefined;
  }
  const date = (daysAgo: number) => now.minus({ days: daysAgo }).toISODate() as string;
  const complexes = new Map<string, ComplexRow>();
  for (const row of (await sql.query(`SELECT id, path FROM units WHERE kind = 'complex' ORDER BY seq`)) as {
    id: string;
    path: string;
  }[])
    complexes.set(row.id, { ...row, buildings: [] });
  for (const row of (await sql.query(`SELECT parent_id, name FROM units WHERE kind = 'building' ORDER BY seq`)) as {
    parent_id: string;
    name: string;
  }[])
    complexes.get(row.parent_id)?.buildings.push(row.name);
  const residentsOf = new Map<string, string[]>();
  for (const row of (await sql.query(
    `SELECT p.id, CASE WHEN u.kind = 'complex' THEN u.id ELSE up.id END AS complex_id
     FROM people p JOIN units u ON u.id = p.residence_unit_id LEFT JOIN units up ON up.id = u.parent_id
     WHERE u.kind = 'complex' OR (u.kind = 'building' AND up.kind = 'complex') ORDER BY p.id`,
  )) as { id: string; complex_id: string }[]) {
    const list = residentsOf.get(row.complex_id) ?? [];
    list.push(row.id);
    residentsOf.set(row.complex_id, list);
  }

  // The secretary of each complex's own party organization (organization's seed): the committee's chair in a third of the complexes (一肩挑).
  const secretaryOf = new Map<string, string>();
  for (const row of (await sql.query(
    `SELECT c.unit_id, f.person_id FROM organization_coverage c
       JOIN party_organizations o ON o.id = c.organization_id AND o.kind IN ('branch', 'general_branch', 'committee')
       JOIN organization_officers f ON f.organization_id = o.id AND f.role = 'secretary' AND f.ended_at IS NULL
      ORDER BY c.unit_id, o.id`,
  )) as { unit_id: string; person_id: string }[])
    if (!secretaryOf.has(row.unit_id)) secretaryOf.set(row.unit_id, row.person_id);

  const t = propertyTables();
  const counts: PropertyCounts = {};
  const flush = async () => {
    for (const table of Object.values(t)) counts[table.table] = (counts[table.table] ?? 0) + (await table.flush(sql));
  };
  const codes = new Set<string>();
  let companyId = '';
  const companyOf = new Map<string, string>();
  const ratingsOf = new Map<string, Rating[]>();
  const half = halfYearOf(now.minus({ months: 6 }).toJSDate(), ZONE);
  let done = 0;
  for (const complex of complexes.values()) {
    const residents = residentsOf.get(complex.id) ?? [];
    if (residents.length === 0 || complex.buildings.length === 0) continue;
    if (done % COMPLEXES_PER_COMPANY === 0) {
      companyId = prng.uuid();
      let code: string;
      do {
        let first17 = '91110105';
        for (let i = 0; i < 9; i++) first17 += prng.pick([...CREDIT_ALPHABET]);
        code = first17 + creditCheckCharacter(first17);
      } while (codes.has(code));
      codes.add(code);
      t.companies.push({
        id: companyId,
        name: `${prng.pick(COMPANY_NAMES)}物业服务有限公司${codes.size}`,
        credit_code: code,
        created_by_user_id: userId,
      });
    }
    companyOf.set(complex.id, companyId);
    ratingsOf.set(
      complex.id,
      generateComplex(t, prng, complex, residents, secretaryOf.get(complex.id), companyId, userId, date),
    );
    done += 1;
    if (done % 500 === 0) {
      await flush();
      options.log(`property: ${done}/${complexes.size} complexes`);
    }
  }
  await flush();

  // One published campaign per district for the last half-year; results and ranks from the ratings.
  for (const district of (await sql.query(`SELECT id, path FROM units WHERE kind = 'district' ORDER BY seq`)) as {
    id: string;
    path: string;
  }[]) {
    const campaignId = prng.uuid();
    const opensAt = DateTime.fromJSDate(half.end, { zone: ZONE });
    t.campaigns.push({
      id: campaignId,
      unit_id: district.id,
      unit_path: district.path,
      period: half.key,
      opens_at: opensAt.toISO() as string,
      closes_at: opensAt.plus({ days: 30 }).toISO() as string,
      status: 'published',
      rater_weights: DEFAULT_RATER_WEIGHTS,
      category_weights: DEFAULT_CATEGORY_WEIGHTS,
      created_by_user_id: userId,
      published_at: opensAt.plus({ days: 31 }).toISO() as string,
    });
    const scored: { complex: ComplexRow; score: number; raters: Record<string, { count: number; mean: number }> }[] =
      [];
    for (const complex of complexes.values()) {
      const ratings = ratingsOf.get(complex.id);
      if (!ratings || !complex.path.startsWith(`${district.path}.`)) continue;
      const totals: Partial<Record<RaterKind, number[]>> = {};
      for (const rating of ratings) {
        (totals[rating.kind] ??= []).push(rating.total);
        t.ratings.push({
          campaign_id: campaignId,
          complex_id: complex.id,
          company_id: companyOf.get(complex.id) as string,
          rater_kind: rating.kind,
          rater_key: rating.key,
          scores: rating.scores,
          total: rating.total,
          rated_by_user_id: userId,
          created_at: opensAt.plus({ days: prng.int(1, 28) }).toISO() as string,
        });
      }
      const raters = Object.fromEntries(
        Object.entries(totals).map(([kind, list]) => [
          kind,
          { count: list.length, mean: Math.round((list.reduce((a, b) => a + b, 0) / list.length) * 100) / 100 },
        ]),
      );
      scored.push({ complex, score: complexScore(totals, DEFAULT_RATER_WEIGHTS) as number, raters });
    }
    const rank = (group: (path: string) => string) => {
      const ranks = new Map<string, number>();
      const byGroup = new Map<string, typeof scored>();
      for (const item of scored)
        byGroup.set(group(item.complex.path), [...(byGroup.get(group(item.complex.path)) ?? []), item]);
      for (const items of byGroup.values()) {
        items.sort((a, b) => b.score - a.score);
        items.forEach((item, i) =>
          ranks.set(
            item.complex.id,
            i > 0 && items[i - 1].score === item.score ? (ranks.get(items[i - 1].complex.id) as number) : i + 1,
          ),
        );
      }
      return ranks;
    };
    const prefix = (depth: number) => (path: string) => path.split('.').slice(0, depth).join('.');
    const streetRanks = rank(prefix(STREET_DEPTH));
    const districtRanks = rank(prefix(DISTRICT_DEPTH));
    for (const item of scored)
      t.results.push({
        campaign_id: campaignId,
        complex_id: item.complex.id,
        unit_path: item.complex.path,
        company_id: companyOf.get(item.complex.id) as string,
        score: item.score,
        grade: gradeOf(item.score),
        raters: item.raters,
        street_rank: streetRanks.get(item.complex.id) as number,
        district_rank: districtRanks.get(item.complex.id) as number,
      });
    await flush();
  }
  await sql.query(
    `ANALYZE ${Object.values(t)
      .map((table) => table.table)
      .join(', ')}`,
  );
  return counts;
}

/**
 * One complex's parts, owners, contract, committee (its chair the branch secretary in a third of the
 * complexes that have both) and seats of the other bodies; answers the ratings it gets.
 */
function generateComplex(
  t: PropertyTables,
  prng: Prng,
  complex: ComplexRow,
  residents: string[],
  secretary: string | undefined,
  companyId: string,
  userId: string,
  date: (daysAgo: number) => string,
): Rating[] {
  const dealt = prng.shuffle([...residents]);
  let next = 0;
  const owners = new Set<string>();
  const heads = new Set<string>();
  const since = prng.int(400, 3000);
  for (const building of complex.buildings) {
    const count = prng.int(4, 8);
    for (let k = 0; k < count; k++) {
      const id = prng.uuid();
      const unsold = prng.chance(0.05);
      t.parts.push({
        id,
        complex_id: complex.id,
        unit_path: complex.path,
        building,
        number: `${Math.floor(k / 2) + 1}0${(k % 2) + 1}`,
        area_m2: (prng.int(5000, 15000) / 100).toFixed(2),
        status: unsold ? 'unsold' : 'delivered',
      });
      if (unsold) continue;
      const partOwners = [dealt[next % dealt.length]];
      next += 1;
      if (dealt.length > 1 && prng.chance(0.3)) {
        partOwners.push(dealt[next % dealt.length]);
        next += 1;
      }
      const distinct = [...new Set(partOwners)];
      heads.add(headKeyOf({ id, status: 'delivered', ownerPersonIds: distinct }));
      for (const person of distinct) {
        owners.add(person);
        t.owners.push({ part_id: id, person_id: person, started_on: date(since), recorded_by_user_id: userId });
      }
    }
  }
  t.contracts.push({
    id: prng.uuid(),
    company_id: companyId,
    complex_id: complex.id,
    unit_path: complex.path,
    starts_on: date(prng.int(200, 1500)),
    ends_on: prng.chance(0.5) ? null : date(-prng.int(200, 700)),
    created_by_user_id: userId,
  });
  const seat = (body: string, role: string, person: string, started: string) =>
    t.seats.push({
      id: prng.uuid(),
      complex_id: complex.id,
      unit_path: complex.path,
      body,
      role,
      person_id: person,
      started_on: started,
      created_by_user_id: userId,
    });
  const ownerList = [...owners];
  const ratings: Rating[] = [];
  const rate = (kind: RaterKind, key: string): Rating => {
    const scores = Object.fromEntries(EVALUATION_CATEGORIES.map((c) => [c, prng.int(45, 100)]));
    return { kind, key, scores, total: ratingTotal(scores, DEFAULT_CATEGORY_WEIGHTS) };
  };
  const size = prng.chance(0.5) ? 5 : 7;
  if (ownerList.length >= size && prng.chance(COMMITTEE_SHARE)) {
    const committeeId = prng.uuid();
    const electedAgo = prng.int(30, 700);
    const members = prng.sample(ownerList, size);
    if (secretary && residents.includes(secretary) && prng.chance(1 / 3)) {
      if (!owners.has(secretary)) {
        const partId = prng.uuid();
        t.parts.push({
          id: partId,
          complex_id: complex.id,
          unit_path: complex.path,
          building: complex.buildings[0],
          number: `${prng.int(11, 30)}0${prng.int(1, 4)}`,
          area_m2: (prng.int(6000, 14000) / 100).toFixed(2),
          status: 'delivered',
        });
        t.owners.push({ part_id: partId, person_id: secretary, started_on: date(since), recorded_by_user_id: userId });
        owners.add(secretary);
      }
      const at = members.indexOf(secretary);
      if (at >= 0) members.splice(at, 1);
      else members.pop();
      members.unshift(secretary);
    }
    t.committees.push({
      id: committeeId,
      complex_id: complex.id,
      unit_path: complex.path,
      elected_on: date(electedAgo),
      term_ends_on: date(electedAgo - 3 * 365),
      status: 'active',
      chair_person_id: members[0],
      vice_chair_person_id: members[1],
      officers_chosen_on: date(electedAgo - 5),
      filed_on: date(electedAgo - 20),
      filing_reference: `备案〔${date(electedAgo - 20).slice(0, 4)}〕${prng.int(1, 999)}号`,
      created_by_user_id: userId,
    });
    for (const person of members)
      t.members.push({ committee_id: committeeId, person_id: person, joined_on: date(electedAgo) });
    ratings.push(rate('committee', 'committee'));
  }
  // The other bodies' seats (the branch and the committee are their own records): building heads,
  // owner representatives, the councils and the company's project manager.
  const started = date(prng.int(30, 700));
  for (const person of prng.sample(residents, Math.min(complex.buildings.length, residents.length)))
    seat('building_heads', 'head', person, started);
  for (const person of prng.sample(ownerList, Math.min(3, ownerList.length)))
    seat('owner_representatives', 'representative', person, started);
  for (const body of ['deliberation_council', 'supervisory_council'])
    for (const [index, person] of prng.sample(residents, Math.min(3, residents.length)).entries())
      seat(body, index === 0 ? 'chair' : 'member', person, started);
  seat('company', 'project_manager', prng.pick(residents), started);
  for (const key of prng.sample([...heads].sort(), 3)) ratings.push(rate('owner', key));
  ratings.push(rate('branch', 'branch'));
  ratings.push(rate('community', 'community'));
  return ratings;
}
