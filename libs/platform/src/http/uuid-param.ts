import { Param, ParseUUIDPipe } from '@nestjs/common';
import { ValidationProblem } from '../errors/common-problems';

/** A `:name` path parameter that must be a UUID (400 validation problem otherwise). */
export const UuidParam = (name: string): ParameterDecorator =>
  Param(
    name,
    new ParseUUIDPipe({
      exceptionFactory: () =>
        new ValidationProblem([{ field: name, constraint: 'isUuid', message: `${name} must be a UUID` }]),
    }),
  );
