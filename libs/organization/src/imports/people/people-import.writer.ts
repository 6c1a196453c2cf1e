import { Injectable } from '@nestjs/common';
import { maskIdNumber, maskPhone, PiiCrypto } from '@linli/platform';
import { ImportContext, ImportOutcome } from '../import-context';
import { PeopleImportPlan } from './people-import.plan';

/**
 * Applies a validated people file in one upsert keyed by external id. Phone and ID number are
 * stored encrypted with their blind index and masked copy; a value whose blind index is unchanged
 * keeps its stored cipher text (a fresh one would differ every time), so a re-import touches nothing.
 * People whose residence changed carry the new path into their party-member record. A blank household
 * code (户号) keeps the stored one, unless the person moved: a code names a flat of the old unit, so it
 * is cleared then.
 */
@Injectable()
export class PeopleImportWriter {
  constructor(private readonly pii: PiiCrypto) {}

  async apply(plan: PeopleImportPlan, context: ImportContext): Promise<ImportOutcome> {
    const { manager, now } = context;
    if (plan.rows.length === 0) return { created: 0, updated: 0, paths: [] };
    const records = plan.rows.map((person) => ({
      external_id: person.externalId,
      name: person.name,
      phone_cipher: person.phone ? this.pii.encrypt(person.phone.value) : null,
      phone_index: person.phone?.index ?? null,
      phone_masked: person.phone ? maskPhone(person.phone.value) : null,
      id_number_cipher: person.idNumber ? this.pii.encrypt(person.idNumber.value) : null,
      id_number_index: person.idNumber?.index ?? null,
      id_number_masked: person.idNumber ? maskIdNumber(person.idNumber.value) : null,
      gender: person.gender ?? null,
      birth_date: person.birthDate ?? null,
      household_code: person.householdCode ?? null,
      residence_unit_id: person.residence.id,
      residence_path: person.residence.path,
    }));
    const rows: { id: string; inserted: boolean }[] = await manager.query(
      `WITH input AS (
         SELECT * FROM jsonb_to_recordset($1::jsonb) AS r(
           external_id text, name text, phone_cipher text, phone_index text, phone_masked text,
           id_number_cipher text, id_number_index text, id_number_masked text,
           gender text, birth_date date, household_code text, residence_unit_id uuid, residence_path text)
       )
       INSERT INTO people AS p (external_id, name, phone_cipher, phone_index, phone_masked, id_number_cipher, id_number_index,
                                id_number_masked, gender, birth_date, household_code, residence_unit_id, residence_path, created_at, updated_at)
       SELECT i.external_id, i.name, i.phone_cipher, i.phone_index, i.phone_masked, i.id_number_cipher, i.id_number_index,
              i.id_number_masked, i.gender, i.birth_date, i.household_code, i.residence_unit_id, i.residence_path, $2, $2
         FROM input i
       ON CONFLICT (external_id) WHERE external_id IS NOT NULL DO UPDATE
          SET name = EXCLUDED.name,
              phone_cipher = CASE WHEN EXCLUDED.phone_index IS NULL OR EXCLUDED.phone_index = p.phone_index THEN p.phone_cipher ELSE EXCLUDED.phone_cipher END,
              phone_masked = CASE WHEN EXCLUDED.phone_index IS NULL OR EXCLUDED.phone_index = p.phone_index THEN p.phone_masked ELSE EXCLUDED.phone_masked END,
              phone_index = COALESCE(EXCLUDED.phone_index, p.phone_index),
              id_number_cipher = CASE WHEN EXCLUDED.id_number_index IS NULL OR EXCLUDED.id_number_index = p.id_number_index THEN p.id_number_cipher ELSE EXCLUDED.id_number_cipher END,
              id_number_masked = CASE WHEN EXCLUDED.id_number_index IS NULL OR EXCLUDED.id_number_index = p.id_number_index THEN p.id_number_masked ELSE EXCLUDED.id_number_masked END,
              id_number_index = COALESCE(EXCLUDED.id_number_index, p.id_number_index),
              gender = COALESCE(EXCLUDED.gender, p.gender),
              birth_date = COALESCE(EXCLUDED.birth_date, p.birth_date),
              household_code = CASE WHEN EXCLUDED.household_code IS NOT NULL THEN EXCLUDED.household_code
                                    WHEN EXCLUDED.residence_unit_id = p.residence_unit_id THEN p.household_code END,
              residence_unit_id = EXCLUDED.residence_unit_id,
              residence_path = EXCLUDED.residence_path,
              updated_at = EXCLUDED.updated_at
        WHERE (p.name, p.phone_index, p.id_number_index, p.gender, p.birth_date, p.household_code, p.residence_unit_id)
              IS DISTINCT FROM (EXCLUDED.name, COALESCE(EXCLUDED.phone_index, p.phone_index), COALESCE(EXCLUDED.id_number_index, p.id_number_index),
                                COALESCE(EXCLUDED.gender, p.gender), COALESCE(EXCLUDED.birth_date, p.birth_date),
                                CASE WHEN EXCLUDED.household_code IS NOT NULL THEN EXCLUDED.household_code
                                     WHEN EXCLUDED.residence_unit_id = p.residence_unit_id THEN p.household_code END,
                                EXCLUDED.residence_unit_id)
       RETURNING p.id, (p.xmax = 0) AS inserted`,
      [JSON.stringify(records), now],
    );
    const changed = rows.filter((row) => !row.inserted).map((row) => row.id);
    if (changed.length > 0) {
      await manager.query(
        `UPDATE party_members m SET residence_path = p.residence_path
           FROM people p
          WHERE m.person_id = p.id AND p.id = ANY($1::uuid[]) AND m.residence_path <> p.residence_path`,
        [changed],
      );
    }
    const created = rows.filter((row) => row.inserted).length;
    return { created, updated: rows.length - created, paths: plan.rows.map((person) => person.residence.path) };
  }
}
