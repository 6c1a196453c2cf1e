import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsUUID } from 'class-validator';
import { PageQueryDto } from '@linli/platform';
import { PROPOSAL_STATUSES, ProposalStatus } from '../proposal-record';

export class ProposalsQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ format: 'uuid', description: 'Proposals at this unit or below it' })
  @IsOptional()
  @IsUUID()
  unitId?: string;

  @ApiPropertyOptional({ enum: PROPOSAL_STATUSES })
  @IsOptional()
  @IsIn(PROPOSAL_STATUSES)
  status?: ProposalStatus;
}
