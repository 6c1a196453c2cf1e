import { ValueTransformer } from 'typeorm';

/** `bigint` columns arrive as strings from `pg`; point amounts stay far below 2^53, so they are read as numbers. */
export const bigintNumber: ValueTransformer = {
  to: (value: number | null | undefined) => value,
  from: (value: string | null) => (value === null ? null : Number(value)),
};
