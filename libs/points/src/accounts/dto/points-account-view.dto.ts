import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { VolunteerLevelDto } from '../../levels/dto/volunteer-level.dto';
import { AssessmentAccountDto } from './assessment-account.dto';
import { RedeemableAccountDto } from './redeemable-account.dto';

/** `GET /points/accounts/:ownerType/:ownerId`: an owner's two accounts (zero when none exists yet). */
export class PointsAccountViewDto {
  @ApiProperty({ type: RedeemableAccountDto })
  redeemable: RedeemableAccountDto;

  @ApiProperty({ type: AssessmentAccountDto })
  assessment: AssessmentAccountDto;

  @ApiPropertyOptional({ type: VolunteerLevelDto, description: 'Persons only: the volunteer level from points earned over the last 12 months' })
  level?: VolunteerLevelDto;
}
