import { ValidationError, ValidationPipe } from '@nestjs/common';
import { FieldProblem } from './problem.exception';
import { ValidationProblem } from './common-problems';

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

/** The one validation path: whitelisted DTOs, unknown fields rejected, field-level problems. */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    transformOptions: { enableImplicitConversion: false },
    validationError: { target: false, value: false },
    exceptionFactory: (errors) => new ValidationProblem(collect(errors)),
  });
}
