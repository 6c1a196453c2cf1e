import { ApiProperty } from '@nestjs/swagger';
import { IsString, Matches, MaxLength } from 'class-validator';
import { AccountKind } from '../../ledger/points-owner';
import { RuleFilters, RulePer } from '../point-rule-spec';
import { RuleCapsDto } from './rule-caps.dto';
import { RuleFields } from './rule-fields';

/** `POST /points/rules`. */
export class CreatePointRuleDto {
  @ApiProperty({ example: 'activity-attended', description: 'Stable, unique: lower-case letters, digits and "-"' })
  @IsString()
  @MaxLength(64)
  @Matches(/^[a-z0-9][a-z0-9-]*$/, { message: 'code must be lower-case letters, digits and "-"' })
  code: string;

  @RuleFields.name(true)
  name: string;

  @RuleFields.eventType(true)
  eventType: string;

  @RuleFields.filters()
  filters?: RuleFilters;

  @RuleFields.actorRoles()
  actorRoles?: string[];

  @RuleFields.accountKind(true)
  accountKind: AccountKind;

  @RuleFields.points(true)
  points: number;

  @RuleFields.per(true)
  per: RulePer;

  @RuleFields.caps()
  caps?: RuleCapsDto;

  @RuleFields.validityMonths(false)
  validityMonths?: number;

  @RuleFields.unitId(false)
  unitId?: string;

  @RuleFields.instant(false)
  activeFrom?: string;

  @RuleFields.instant(false)
  activeTo?: string;

  @RuleFields.creditOrganization()
  creditOrganization?: boolean;

  @RuleFields.pendingEventType(
    false,
    'Points stay pending until an event of this type with the same data[pendingKey] confirms them',
  )
  pendingUntil?: string;

  @RuleFields.pendingEventType(false, 'An event of this type with the same data[pendingKey] voids the pending points')
  pendingRejectedBy?: string;

  @RuleFields.pendingKey(false)
  pendingKey?: string;
}
