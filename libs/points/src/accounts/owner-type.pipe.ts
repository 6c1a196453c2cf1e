import { Injectable, Param, PipeTransform } from '@nestjs/common';
import { ValidationProblem } from '@linli/platform';
import { OWNER_TYPES, OwnerType } from '../ledger/points-owner';

/** `:ownerType` must be `person` or `organization` (400 validation problem otherwise). */
@Injectable()
export class OwnerTypePipe implements PipeTransform<string, OwnerType> {
  transform(value: string): OwnerType {
    if ((OWNER_TYPES as readonly string[]).includes(value)) return value as OwnerType;
    throw new ValidationProblem([
      { field: 'ownerType', constraint: 'isIn', message: `ownerType must be one of: ${OWNER_TYPES.join(', ')}` },
    ]);
  }
}

export const OwnerTypeParam = (): ParameterDecorator => Param('ownerType', OwnerTypePipe);
