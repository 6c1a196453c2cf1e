import { PartialType } from '@nestjs/swagger';
import { CreateRewardDto } from './create-reward.dto';

/** `PATCH /points/rewards/:id`: any reward field; omitted fields keep their values. */
export class UpdateRewardDto extends PartialType(CreateRewardDto) {}
