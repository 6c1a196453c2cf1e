import { ApiProperty } from '@nestjs/swagger';
import { AssessmentAccountDto } from './assessment-account.dto';
import { RedeemableAccountDto } from './redeemable-account.dto';

/** `GET /points/accounts/:ownerType/:ownerId`: an owner's two accounts (zero when none exists yet). */
export class PointsAccountViewDto {
  @ApiProperty({ type: RedeemableAccountDto })
  redeemable: RedeemableAccountDto;

  @ApiProperty({ type: AssessmentAccountDto })
  assessment: AssessmentAccountDto;
}
