import { applyDecorators } from '@nestjs/common';
import { IsISO8601, Matches, ValidationOptions } from 'class-validator';

/** A calendar date `YYYY-MM-DD` (a real one: no 2026-02-30); `{ each: true }` for arrays of dates. */
export const IsCalendarDate = (options?: ValidationOptions): PropertyDecorator =>
  applyDecorators(
    Matches(/^\d{4}-\d{2}-\d{2}$/, { message: '$property must be a date YYYY-MM-DD', ...options }),
    IsISO8601({ strict: true }, options),
  );
