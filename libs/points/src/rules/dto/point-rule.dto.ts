import { ApiProperty } from '@nestjs/swagger';
import { ACCOUNT_KINDS, AccountKind } from '../../ledger/points-owner';
import { PointRuleEntity } from '../point-rule.entity';
import { PointRuleVersionEntity } from '../point-rule-version.entity';
import { RULE_PER, RuleFilters, RulePer } from '../point-rule-spec';
import { RuleCapsDto } from './rule-caps.dto';

/** A rule as currently in force (its current version). */
export class PointRuleDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ example: 'activity-attended' })
  code: string;

  @ApiProperty({ description: 'Current version; entries keep the version they were computed with', example: 2 })
  version: number;

  @ApiProperty({ example: '参加活动' })
  name: string;

  @ApiProperty({ example: 'volunteers.activity.attended' })
  eventType: string;

  @ApiProperty({ type: 'object', additionalProperties: true })
  filters: RuleFilters;

  @ApiProperty({ type: [String] })
  actorRoles: string[];

  @ApiProperty({ enum: ACCOUNT_KINDS })
  accountKind: AccountKind;

  @ApiProperty()
  points: number;

  @ApiProperty({ enum: RULE_PER })
  per: RulePer;

  @ApiProperty({ type: RuleCapsDto })
  caps: RuleCapsDto;

  @ApiProperty({ nullable: true, type: Number })
  validityMonths: number | null;

  @ApiProperty({ format: 'uuid', nullable: true, type: String })
  unitId: string | null;

  @ApiProperty({ format: 'date-time', nullable: true, type: String })
  activeFrom: string | null;

  @ApiProperty({ format: 'date-time', nullable: true, type: String })
  activeTo: string | null;

  @ApiProperty()
  creditOrganization: boolean;

  @ApiProperty({ nullable: true, type: String })
  pendingUntil: string | null;

  @ApiProperty({ nullable: true, type: String })
  pendingRejectedBy: string | null;

  @ApiProperty({ nullable: true, type: String })
  pendingKey: string | null;

  @ApiProperty({ format: 'date-time' })
  createdAt: string;

  @ApiProperty({ format: 'date-time', description: 'When the current version was written' })
  versionCreatedAt: string;

  static from(rule: PointRuleEntity, version: PointRuleVersionEntity): PointRuleDto {
    const dto = new PointRuleDto();
    dto.id = rule.id;
    dto.code = rule.code;
    dto.version = version.version;
    dto.name = version.name;
    dto.eventType = version.eventType;
    dto.filters = version.filters;
    dto.actorRoles = version.actorRoles;
    dto.accountKind = version.accountKind;
    dto.points = version.points;
    dto.per = version.per;
    dto.caps = version.caps;
    dto.validityMonths = version.validityMonths;
    dto.unitId = version.unitId;
    dto.activeFrom = version.activeFrom?.toISOString() ?? null;
    dto.activeTo = version.activeTo?.toISOString() ?? null;
    dto.creditOrganization = version.creditOrganization;
    dto.pendingUntil = version.pendingUntil;
    dto.pendingRejectedBy = version.pendingRejectedBy;
    dto.pendingKey = version.pendingKey;
    dto.createdAt = rule.createdAt.toISOString();
    dto.versionCreatedAt = version.createdAt.toISOString();
    return dto;
  }
}
