import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsDateString,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import { EVENT_TYPE_PATTERN } from '@linli/platform';
import { ACCOUNT_KINDS } from '../../ledger/points-owner';
import { RULE_PER } from '../point-rule-spec';
import { IsScalarRecord } from './is-scalar-record';
import { RuleCapsDto } from './rule-caps.dto';

/**
 * The validation of a rule's fields, shared by create (required where the contract says so) and
 * update (everything optional; `null` clears a nullable field).
 */
const optional = (nullable: boolean) =>
  nullable ? ValidateIf((_, value) => value !== undefined && value !== null) : IsOptional();

export const RuleFields = {
  name: (required: boolean) =>
    applyDecorators(
      required
        ? ApiProperty({
            example: '参加活动',
            description: 'Chinese; starts the reasons owners read (`参加活动「社区清洁日」获得积分`)',
          })
        : ApiPropertyOptional({ example: '参加活动' }),
      ...(required ? [] : [IsOptional()]),
      IsString(),
      Matches(/\S/, { message: 'name must not be blank' }),
      MaxLength(100),
    ),
  eventType: (required: boolean) =>
    applyDecorators(
      required
        ? ApiProperty({ example: 'volunteers.activity.attended' })
        : ApiPropertyOptional({ example: 'volunteers.activity.attended' }),
      ...(required ? [] : [IsOptional()]),
      IsString(),
      MaxLength(120),
      Matches(EVENT_TYPE_PATTERN, {
        message: 'eventType must be a dotted lower-case event type, e.g. volunteers.activity.attended',
      }),
    ),
  filters: () =>
    applyDecorators(
      ApiPropertyOptional({
        type: 'object',
        additionalProperties: true,
        example: { kind: 'party_day' },
        description: "Each key must equal the event data's value",
      }),
      IsOptional(),
      IsScalarRecord(),
    ),
  actorRoles: () =>
    applyDecorators(
      ApiPropertyOptional({
        type: [String],
        example: ['volunteer'],
        description: 'Actor roles that earn; empty or absent: every actor',
      }),
      IsOptional(),
      IsArray(),
      ArrayMaxSize(20),
      ArrayUnique(),
      Matches(/^[a-z][a-z0-9_-]{0,39}$/, { each: true, message: 'actorRoles must be lower-case words' }),
    ),
  accountKind: (required: boolean) =>
    applyDecorators(
      required ? ApiProperty({ enum: ACCOUNT_KINDS }) : ApiPropertyOptional({ enum: ACCOUNT_KINDS }),
      ...(required ? [] : [IsOptional()]),
      IsIn(ACCOUNT_KINDS),
    ),
  points: (required: boolean) =>
    applyDecorators(
      required ? ApiProperty({ minimum: 1, example: 5 }) : ApiPropertyOptional({ minimum: 1, example: 5 }),
      ...(required ? [] : [IsOptional()]),
      IsInt(),
      Min(1),
      Max(100_000),
    ),
  per: (required: boolean) =>
    applyDecorators(
      required
        ? ApiProperty({
            enum: RULE_PER,
            description:
              "occurrence: points per event; quantity: points per unit of the event's quantity (e.g. per service hour), rounded down",
          })
        : ApiPropertyOptional({ enum: RULE_PER }),
      ...(required ? [] : [IsOptional()]),
      IsIn(RULE_PER),
    ),
  caps: () =>
    applyDecorators(
      ApiPropertyOptional({ type: RuleCapsDto }),
      IsOptional(),
      ValidateNested(),
      Type(() => RuleCapsDto),
    ),
  validityMonths: (nullable: boolean) =>
    applyDecorators(
      ApiPropertyOptional({
        minimum: 1,
        maximum: 120,
        nullable,
        type: Number,
        description: 'Redeemable points expire this many months after they were earned; absent: never',
      }),
      optional(nullable),
      IsInt(),
      Min(1),
      Max(120),
    ),
  unitId: (nullable: boolean) =>
    applyDecorators(
      ApiPropertyOptional({
        format: 'uuid',
        nullable,
        type: String,
        description:
          "Scope: events in this unit's subtree (the most specific rule wins); absent: the whole deployment (deployment-wide admins only)",
      }),
      optional(nullable),
      IsUUID(),
    ),
  instant: (nullable: boolean) =>
    applyDecorators(
      ApiPropertyOptional({ format: 'date-time', nullable, type: String }),
      optional(nullable),
      IsDateString({ strict: true }),
    ),
  creditOrganization: () =>
    applyDecorators(
      ApiPropertyOptional({
        description:
          "Double points (双积分): also credit the member's party organization (and a dual-registered member's workplace organization)",
      }),
      IsOptional(),
      IsBoolean(),
    ),
  pendingEventType: (nullable: boolean, description: string) =>
    applyDecorators(
      ApiPropertyOptional({ nullable, type: String, example: 'volunteers.wish.confirmed', description }),
      optional(nullable),
      IsString(),
      MaxLength(120),
      Matches(EVENT_TYPE_PATTERN, { message: 'must be a dotted lower-case event type' }),
    ),
  pendingKey: (nullable: boolean) =>
    applyDecorators(
      ApiPropertyOptional({
        nullable,
        type: String,
        example: 'wishId',
        description: 'The event data field that ties the confirming event to the earning one',
      }),
      optional(nullable),
      IsString(),
      Matches(/^[A-Za-z][A-Za-z0-9_]{0,63}$/, { message: 'pendingKey must be a data field name' }),
    ),
};
