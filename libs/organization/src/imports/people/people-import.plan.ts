import { Gender } from '../../people/person.entity';

/** A person row that passed validation; blank optional cells are `undefined` (kept as stored). */
export interface PersonImportRow {
  row: number;
  externalId: string;
  name: string;
  /** Normalized (digits, no country code) and its blind index. */
  phone?: { value: string; index: string };
  /** Normalized (upper-case X) and its blind index. */
  idNumber?: { value: string; index: string };
  gender?: Gender;
  birthDate?: string;
  /** The household (户号) within the residence unit. */
  householdCode?: string;
  residence: { id: string; path: string };
}

export interface PeopleImportPlan {
  rowCount: number;
  rows: PersonImportRow[];
}
