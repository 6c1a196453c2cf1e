/** Trims strings (other values pass through for the validators to refuse). */
export const trim = ({ value }: { value: unknown }): unknown => (typeof value === 'string' ? value.trim() : value);

export const UNIT_NAME_MAX_LENGTH = 200;
export const UNIT_CODE_MAX_LENGTH = 64;
/** Administrative or office codes: letters, digits and `-_.`. */
export const UNIT_CODE_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;
export const MAX_COUNT = 100_000_000;
