import { registerDecorator, ValidationOptions } from 'class-validator';

const MAX_KEYS = 20;

/** A flat object whose values are strings, numbers or booleans (rule filters on event data). */
export function IsScalarRecord(options?: ValidationOptions): PropertyDecorator {
  return (target: object, propertyName: string | symbol) =>
    registerDecorator({
      name: 'isScalarRecord',
      target: target.constructor,
      propertyName: propertyName as string,
      options: {
        message: `${String(propertyName)} must be an object of at most ${MAX_KEYS} string, number or boolean values`,
        ...options,
      },
      validator: {
        validate(value: unknown): boolean {
          if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
          const entries = Object.entries(value);
          return (
            entries.length <= MAX_KEYS &&
            entries.every(
              ([key, v]) =>
                /^[A-Za-z][A-Za-z0-9_]{0,63}$/.test(key) &&
                (typeof v === 'string' || typeof v === 'boolean' || (typeof v === 'number' && Number.isFinite(v))),
            )
          );
        },
      },
    });
}
