import { RedemptionRow } from '../store-records';
import { RedemptionDto } from './redemption.dto';

function row(overrides: Partial<RedemptionRow> = {}): RedemptionRow {
  return {
    id: '00000000-0000-4000-8000-000000000001',
    reward_id: '00000000-0000-4000-8000-000000000002',
    owner_type: 'person',
    owner_id: '00000000-0000-4000-8000-000000000003',
    owner_unit_path: 'root.a',
    quantity: 2,
    points: 6,
    status: 'reserved',
    pickup_code: 'K7P2XQ9M',
    debit_entry_id: '00000000-0000-4000-8000-000000000004',
    reserved_at: new Date('2026-11-22T02:00:00Z'),
    closed_at: null,
    reward_name: '大米（5kg）',
    reward_unit_id: '00000000-0000-4000-8000-000000000005',
    reward_unit_path: 'root',
    ...overrides,
  };
}

describe('RedemptionDto', () => {
  it('shows the owner the pickup code while the redemption is reserved', () => {
    expect(RedemptionDto.from(row(), true)).toMatchObject({
      status: 'reserved',
      pickupCode: 'K7P2XQ9M',
      rewardName: '大米（5kg）',
      quantity: 2,
      points: 6,
    });
  });

  it('hides the pickup code once the redemption is fulfilled, cancelled or expired', () => {
    for (const status of ['fulfilled', 'cancelled', 'expired'] as const) {
      expect(
        RedemptionDto.from(row({ status, closed_at: new Date('2026-11-23T02:00:00Z') }), true).pickupCode,
      ).toBeNull();
    }
  });

  it('never shows the pickup code to anyone but the owner', () => {
    expect(RedemptionDto.from(row(), false)).toMatchObject({ status: 'reserved', pickupCode: null });
  });
});
