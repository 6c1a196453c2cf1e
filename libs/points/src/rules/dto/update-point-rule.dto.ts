import { AccountKind } from '../../ledger/points-owner';
import { RuleFilters, RulePer } from '../point-rule-spec';
import { RuleCapsDto } from './rule-caps.dto';
import { RuleFields } from './rule-fields';

/** `PATCH /points/rules/:id`: the fields to change (a new version); `null` clears a nullable one. The code never changes. */
export class UpdatePointRuleDto {
  @RuleFields.name(false)
  name?: string;

  @RuleFields.eventType(false)
  eventType?: string;

  @RuleFields.filters()
  filters?: RuleFilters;

  @RuleFields.actorRoles()
  actorRoles?: string[];

  @RuleFields.accountKind(false)
  accountKind?: AccountKind;

  @RuleFields.points(false)
  points?: number;

  @RuleFields.per(false)
  per?: RulePer;

  @RuleFields.caps()
  caps?: RuleCapsDto;

  @RuleFields.validityMonths(true)
  validityMonths?: number | null;

  @RuleFields.unitId(true)
  unitId?: string | null;

  @RuleFields.instant(true)
  activeFrom?: string | null;

  @RuleFields.instant(true)
  activeTo?: string | null;

  @RuleFields.creditOrganization()
  creditOrganization?: boolean;

  @RuleFields.pendingEventType(
    true,
    'Points stay pending until an event of this type with the same data[pendingKey] confirms them',
  )
  pendingUntil?: string | null;

  @RuleFields.pendingEventType(true, 'An event of this type with the same data[pendingKey] voids the pending points')
  pendingRejectedBy?: string | null;

  @RuleFields.pendingKey(true)
  pendingKey?: string | null;
}
