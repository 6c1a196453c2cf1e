import { ApiProperty } from '@nestjs/swagger';
import { EvaluationCampaignDto } from './evaluation-campaign.dto';

export class EvaluationCampaignListDto {
  @ApiProperty({ type: [EvaluationCampaignDto] })
  items: EvaluationCampaignDto[];
}
