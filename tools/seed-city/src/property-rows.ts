import { DeliberationRows } from './deliberation-rows';

/** The property-governance tables the seed writes, as bulk row buffers (one statement per batch). */
export function propertyTables() {
  return {
    parts: new DeliberationRows('property_parts', [
      'id uuid',
      'complex_id uuid',
      'unit_path text',
      'building varchar',
      'number varchar',
      'area_m2 numeric',
      'status varchar',
    ]),
    owners: new DeliberationRows('property_part_owners', [
      'part_id uuid',
      'person_id uuid',
      'started_on date',
      'recorded_by_user_id uuid',
    ]),
    companies: new DeliberationRows('property_companies', [
      'id uuid',
      'name varchar',
      'credit_code varchar',
      'created_by_user_id uuid',
    ]),
    contracts: new DeliberationRows('property_contracts', [
      'id uuid',
      'company_id uuid',
      'complex_id uuid',
      'unit_path text',
      'starts_on date',
      'ends_on date',
      'created_by_user_id uuid',
    ]),
    committees: new DeliberationRows('property_committees', [
      'id uuid',
      'complex_id uuid',
      'unit_path text',
      'elected_on date',
      'term_ends_on date',
      'status varchar',
      'chair_person_id uuid',
      'vice_chair_person_id uuid',
      'officers_chosen_on date',
      'filed_on date',
      'filing_reference varchar',
      'created_by_user_id uuid',
    ]),
    members: new DeliberationRows('property_committee_members', [
      'committee_id uuid',
      'person_id uuid',
      'joined_on date',
    ]),
    seats: new DeliberationRows('property_seats', [
      'id uuid',
      'complex_id uuid',
      'unit_path text',
      'body varchar',
      'role varchar',
      'person_id uuid',
      'started_on date',
      'created_by_user_id uuid',
    ]),
    campaigns: new DeliberationRows('property_evaluation_campaigns', [
      'id uuid',
      'unit_id uuid',
      'unit_path text',
      'period varchar',
      'opens_at timestamptz',
      'closes_at timestamptz',
      'status varchar',
      'rater_weights jsonb',
      'category_weights jsonb',
      'created_by_user_id uuid',
      'published_at timestamptz',
    ]),
    ratings: new DeliberationRows('property_evaluation_ratings', [
      'campaign_id uuid',
      'complex_id uuid',
      'company_id uuid',
      'rater_kind varchar',
      'rater_key text',
      'scores jsonb',
      'total numeric',
      'rated_by_user_id uuid',
      'created_at timestamptz',
    ]),
    results: new DeliberationRows('property_evaluation_results', [
      'campaign_id uuid',
      'complex_id uuid',
      'unit_path text',
      'company_id uuid',
      'score numeric',
      'grade varchar',
      'raters jsonb',
      'street_rank integer',
      'district_rank integer',
    ]),
  };
}

export type PropertyTables = ReturnType<typeof propertyTables>;

/** The unified social credit code alphabet (GB 32100-2015: no I, O, S, V, Z). */
export const CREDIT_ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';

/** The 18th character of a unified social credit code: C18 = 31 − (Σ Ci × 3^(i−1) mod 31) mod 31. */
export function creditCheckCharacter(first17: string): string {
  let sum = 0;
  let weight = 1;
  for (const character of first17) {
    const value = CREDIT_ALPHABET.indexOf(character);
    if (value < 0) throw new RangeError(`not a credit code character: ${character}`);
    sum += value * weight;
    weight = (weight * 3) % 31;
  }
  return CREDIT_ALPHABET[(31 - (sum % 31)) % 31];
}
