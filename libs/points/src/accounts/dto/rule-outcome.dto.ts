import { ApiProperty } from '@nestjs/swagger';
import { ACCOUNT_KINDS, AccountKind } from '../../ledger/points-owner';
import {
  PointRuleOutcomeEntity,
  RULE_OUTCOME_DISPLAY,
  RULE_OUTCOMES,
  RuleOutcome,
} from '../../rules/point-rule-outcome.entity';

/** What a rule did for the owner on one event: why an event earned points, or why it earned none. */
export class RuleOutcomeDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ format: 'uuid' })
  eventId: string;

  @ApiProperty({ example: 'volunteers.activity.attended' })
  eventType: string;

  @ApiProperty({ format: 'uuid' })
  ruleId: string;

  @ApiProperty({ example: 'activity-attended' })
  ruleCode: string;

  @ApiProperty({ example: '参加活动' })
  ruleName: string;

  @ApiProperty()
  ruleVersion: number;

  @ApiProperty({ enum: ACCOUNT_KINDS })
  accountKind: AccountKind;

  @ApiProperty({ enum: RULE_OUTCOMES })
  outcome: RuleOutcome;

  @ApiProperty({ example: '已达上限' })
  displayOutcome: string;

  @ApiProperty({ description: 'Points the rule computed before caps' })
  requested: number;

  @ApiProperty({ description: 'Points credited (or pending); 0 when capped' })
  points: number;

  @ApiProperty({ format: 'uuid', nullable: true, type: String })
  entryId: string | null;

  @ApiProperty({ format: 'date-time' })
  occurredAt: string;

  static from(
    outcome: PointRuleOutcomeEntity,
    accountKind: AccountKind,
    rule: { code: string; name: string },
  ): RuleOutcomeDto {
    const dto = new RuleOutcomeDto();
    dto.id = outcome.id;
    dto.eventId = outcome.eventId;
    dto.eventType = outcome.eventType;
    dto.ruleId = outcome.ruleId;
    dto.ruleCode = rule.code;
    dto.ruleName = rule.name;
    dto.ruleVersion = outcome.ruleVersion;
    dto.accountKind = accountKind;
    dto.outcome = outcome.outcome;
    dto.displayOutcome = RULE_OUTCOME_DISPLAY[outcome.outcome];
    dto.requested = outcome.requested;
    dto.points = outcome.points;
    dto.entryId = outcome.entryId;
    dto.occurredAt = outcome.occurredAt.toISOString();
    return dto;
  }
}
