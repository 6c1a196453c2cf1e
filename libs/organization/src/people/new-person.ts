import { Gender } from './person.entity';

/** A person to register (HTTP create and imports alike). Phone and ID number in clear; they are stored protected. */
export interface NewPerson {
  name: string;
  phone?: string | null;
  idNumber?: string | null;
  gender?: Gender | null;
  /** `YYYY-MM-DD`. */
  birthDate?: string | null;
  /** A building, complex, grid or community. */
  residenceUnitId: string;
  /** The household code (户号, e.g. `3-502`) within the residence unit; none: a household of one. */
  householdCode?: string | null;
  /** The district office's own id (the key of imports). */
  externalId?: string | null;
}
