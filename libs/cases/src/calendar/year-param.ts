import { Param, ParseIntPipe } from '@nestjs/common';
import { ValidationProblem } from '@linli/platform';

/** A `:year` path parameter: an integer year 2000–2100 (400 validation problem otherwise). */
export const YearParam = (): ParameterDecorator =>
  Param(
    'year',
    new ParseIntPipe({
      exceptionFactory: () =>
        new ValidationProblem([{ field: 'year', constraint: 'isInt', message: 'year must be a year, e.g. 2027' }]),
    }),
  );
