import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsInt, IsNotIn, IsOptional, IsString, Matches, Max, MaxLength, Min } from 'class-validator';
import { ACCOUNT_KINDS } from '../../ledger/points-owner';

export const MAX_ADJUSTMENT = 1_000_000;

/** The fields single and bulk adjustments share, validated the same way. */
export const AdjustmentFields = {
  accountKind: () => applyDecorators(ApiProperty({ enum: ACCOUNT_KINDS }), IsIn(ACCOUNT_KINDS)),
  amount: () =>
    applyDecorators(
      ApiProperty({
        description:
          'Signed whole number: positive awards, negative deducts (never below zero: 409 points.insufficient)',
        example: 10,
      }),
      IsInt(),
      IsNotIn([0], { message: 'amount must not be zero' }),
      Min(-MAX_ADJUSTMENT),
      Max(MAX_ADJUSTMENT),
    ),
  reason: () =>
    applyDecorators(
      ApiProperty({
        description: 'Shown to the owner in their ledger',
        example: '协助社区疫苗接种点秩序维护，额外奖励',
      }),
      IsString(),
      Matches(/\S/, { message: 'reason must not be blank' }),
      MaxLength(200),
    ),
  idempotencyKey: () =>
    applyDecorators(
      ApiPropertyOptional({
        description:
          'Send the same key again (e.g. after a timeout) and nothing changes twice: the first result is answered',
        maxLength: 100,
      }),
      IsOptional(),
      IsString(),
      Matches(/^[A-Za-z0-9._:-]{1,100}$/, {
        message: 'idempotencyKey must be 1 to 100 letters, digits, ".", "_", ":" or "-"',
      }),
    ),
};
