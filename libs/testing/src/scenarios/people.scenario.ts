import { withTestDb } from '../test-database';
import { ScenarioUnit } from './unit-tree.scenario';

export interface ScenarioPerson {
  id: string;
  name: string;
  residenceUnitId: string;
  residencePath: string;
}

export interface PersonSpec {
  name: string;
  /** Where the person lives (a building, complex, grid or community of a `createUnitTree` scenario). */
  residence: ScenarioUnit;
  gender?: 'male' | 'female';
  birthDate?: string;
  externalId?: string;
}

/**
 * Inserts people straight into the database (fast, no HTTP), without phone or ID number (those are
 * encrypted with the api's key: register through `POST /api/v1/people` when a test needs them).
 * `const [wang] = await createPeople([{ name: '王芳', residence: units.get('楼栋A1-1')! }])`.
 */
export async function createPeople(specs: PersonSpec[]): Promise<ScenarioPerson[]> {
  if (specs.length === 0) return [];
  return withTestDb(async (client) => {
    const people: ScenarioPerson[] = [];
    for (const spec of specs) {
      const { rows } = await client.query<{ id: string }>(
        `INSERT INTO people (name, gender, birth_date, residence_unit_id, residence_path, external_id) VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
        [
          spec.name,
          spec.gender ?? null,
          spec.birthDate ?? null,
          spec.residence.id,
          spec.residence.path,
          spec.externalId ?? null,
        ],
      );
      people.push({
        id: rows[0].id,
        name: spec.name,
        residenceUnitId: spec.residence.id,
        residencePath: spec.residence.path,
      });
    }
    return people;
  });
}
