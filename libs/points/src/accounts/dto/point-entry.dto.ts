import { ApiProperty } from '@nestjs/swagger';
import { PointEntryEntity } from '../../ledger/point-entry.entity';
import { POINT_ENTRY_KINDS, PointEntryKind } from '../../ledger/point-entry-kind';
import { ACCOUNT_KINDS, AccountKind } from '../../ledger/points-owner';

export class PointEntryDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ enum: ACCOUNT_KINDS })
  accountKind: AccountKind;

  @ApiProperty({
    enum: POINT_ENTRY_KINDS,
    description: 'credit (earned, awarded), debit (spent, deducted), expiry, reversal',
  })
  kind: PointEntryKind;

  @ApiProperty({ description: 'Signed: positive earns, negative spends', example: 5 })
  amount: number;

  @ApiProperty({ example: 125 })
  balanceAfter: number;

  @ApiProperty({ example: '参加活动「社区清洁日」获得积分' })
  reason: string;

  @ApiProperty({ format: 'uuid', nullable: true, type: String })
  ruleId: string | null;

  @ApiProperty({ nullable: true, type: Number, description: 'The rule version the points were computed with' })
  ruleVersion: number | null;

  @ApiProperty({ format: 'uuid', nullable: true, type: String, description: 'The domain event that earned the points' })
  sourceEventId: string | null;

  @ApiProperty({ format: 'date-time', description: 'When the points were earned or spent' })
  occurredAt: string;

  @ApiProperty({ format: 'date-time', description: 'When the entry was written' })
  createdAt: string;

  static from(entry: PointEntryEntity, accountKind: AccountKind): PointEntryDto {
    const dto = new PointEntryDto();
    dto.id = entry.id;
    dto.accountKind = accountKind;
    dto.kind = entry.kind;
    dto.amount = entry.amount;
    dto.balanceAfter = entry.balanceAfter;
    dto.reason = entry.reason;
    dto.ruleId = entry.ruleId;
    dto.ruleVersion = entry.ruleVersion;
    dto.sourceEventId = entry.sourceEventId;
    dto.occurredAt = entry.occurredAt.toISOString();
    dto.createdAt = entry.createdAt.toISOString();
    return dto;
  }
}
