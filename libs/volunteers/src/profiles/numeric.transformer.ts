import { ValueTransformer } from 'typeorm';

/** PostgreSQL `numeric` arrives as a string; hours and scores are small enough for a JS number. */
export const numericTransformer: ValueTransformer = {
  to: (value: number | null | undefined) => value,
  from: (value: string | null) => (value === null ? null : Number(value)),
};
