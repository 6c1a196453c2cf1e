import { Column, Entity, PrimaryColumn } from 'typeorm';
import { bigintNumber } from './bigint.transformer';

/** How much a negative entry (spend, expiry, reversal of a credit) took from one lot. Append-only. */
@Entity('point_allocations')
export class PointAllocationEntity {
  @PrimaryColumn({ name: 'entry_id', type: 'uuid' })
  entryId: string;

  @PrimaryColumn({ name: 'lot_id', type: 'uuid' })
  lotId: string;

  @Column({ type: 'bigint', transformer: bigintNumber })
  amount: number;
}
