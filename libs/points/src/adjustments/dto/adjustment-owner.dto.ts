import { ApiProperty } from '@nestjs/swagger';
import { IsIn, IsUUID } from 'class-validator';
import { OWNER_TYPES, OwnerType } from '../../ledger/points-owner';

export class AdjustmentOwnerDto {
  @ApiProperty({ enum: OWNER_TYPES })
  @IsIn(OWNER_TYPES)
  ownerType: OwnerType;

  @ApiProperty({ format: 'uuid', description: 'A person id or a party organization id' })
  @IsUUID()
  ownerId: string;
}
