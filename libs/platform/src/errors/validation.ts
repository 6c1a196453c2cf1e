import { ArgumentMetadata, ValidationError, ValidationPipe } from '@nestjs/common';
import { FieldProblem } from './problem.exception';
import { ValidationProblem } from './common-problems';
import { cacheValidationMetadata } from './validation-metadata-cache';

function collect(errors: ValidationError[], prefix = ''): FieldProblem[] {
  return errors.flatMap((error) => {
    const field = prefix ? `${prefix}.${error.property}` : error.property;
    const own = Object.entries(error.constraints ?? {}).map(([constraint, message]) => ({
      field,
      constraint: constraint === 'whitelistValidation' ? 'unknown' : constraint,
      message: constraint === 'whitelistValidation' ? `unknown field "${field}"` : message,
    }));
    return [...own, ...collect(error.children ?? [], field)];
  });
}

/**
 * Deeper than any DTO. Input nested deeper is refused before Nest's proto-key stripping and
 * class-transformer recurse into it: a 10 000-deep JSON array (a 20 kB body) overflows their stack.
 */
export const MAX_INPUT_DEPTH = 32;

function isPlain(value: unknown): value is object {
  if (value === null || typeof value !== 'object') return false;
  if (Array.isArray(value)) return true;
  const prototype = Object.getPrototypeOf(value) as unknown;
  return prototype === Object.prototype || prototype === null;
}

/** Whether plain objects and arrays nest deeper than `limit` in `value` (iterative: no stack to overflow). */
function nestsDeeperThan(value: unknown, limit: number): boolean {
  const pending: [unknown, number][] = [[value, 0]];
  while (pending.length) {
    const [current, depth] = pending.pop()!;
    if (!isPlain(current)) continue;
    if (depth >= limit) return true;
    for (const child of Object.values(current)) pending.push([child, depth + 1]);
  }
  return false;
}

class LinliValidationPipe extends ValidationPipe {
  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    if (metadata.type !== 'custom' && nestsDeeperThan(value, MAX_INPUT_DEPTH))
      throw new ValidationProblem([
        {
          field: metadata.data ?? metadata.type,
          constraint: 'maxDepth',
          message: `nested deeper than ${MAX_INPUT_DEPTH} levels`,
        },
      ]);
    return super.transform(value, metadata);
  }
}

/** The one validation path: whitelisted DTOs, unknown fields rejected, field-level problems. */
export function createValidationPipe(): ValidationPipe {
  cacheValidationMetadata();
  return new LinliValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    transformOptions: { enableImplicitConversion: false },
    validationError: { target: false, value: false },
    exceptionFactory: (errors) => new ValidationProblem(collect(errors)),
  });
}
