import { ApiProperty } from '@nestjs/swagger';

export class PropertyDecisionFiguresDto {
  @ApiProperty({ example: 1234.5, description: 'Exclusive area in m² (two decimals)' })
  areaM2: number;

  @ApiProperty({ example: 12, description: 'Heads (SPC interpretation art. 9)' })
  heads: number;
}

export class PropertyDecisionParticipationDto extends PropertyDecisionFiguresDto {
  @ApiProperty({ example: 0.666667, description: 'Participating area over the electorate’s area (decimal, 6 places)' })
  areaRatio: number;

  @ApiProperty({ example: 0.7, description: 'Participating heads over the electorate’s heads' })
  headRatio: number;

  @ApiProperty({ description: 'At least 2/3 of the area AND of the heads took part' })
  met: boolean;
}

export class PropertyDecisionApprovalDto extends PropertyDecisionFiguresDto {
  @ApiProperty({ description: 'Agreeing area over the participating area (decimal, 6 places)' })
  areaRatio: number;

  @ApiProperty({ description: 'Agreeing heads over the participating heads' })
  headRatio: number;

  @ApiProperty({
    enum: ['three_quarters', 'more_than_half'],
    description:
      'three_quarters: ≥ 3/4 (fund raising, rebuilding, common parts); more_than_half: > 1/2 (exactly half fails)',
  })
  rule: 'three_quarters' | 'more_than_half';

  @ApiProperty({ description: 'The rule holds by area AND by heads' })
  met: boolean;
}

export class PropertyDecisionNeededDto {
  @ApiProperty({ type: PropertyDecisionFiguresDto, description: 'More area and heads participation still needs' })
  participation: PropertyDecisionFiguresDto;

  @ApiProperty({
    type: PropertyDecisionFiguresDto,
    description: 'More agreeing area and heads approval needs among those participating now',
  })
  approval: PropertyDecisionFiguresDto;
}

export class PropertyDecisionTallyDto {
  @ApiProperty({ type: PropertyDecisionFiguresDto, description: 'The frozen roll: total exclusive area and heads' })
  electorate: PropertyDecisionFiguresDto;

  @ApiProperty({ type: PropertyDecisionParticipationDto })
  participation: PropertyDecisionParticipationDto;

  @ApiProperty({ type: PropertyDecisionApprovalDto, description: 'The agreeing ballots' })
  approval: PropertyDecisionApprovalDto;

  @ApiProperty({ type: PropertyDecisionNeededDto })
  needed: PropertyDecisionNeededDto;

  @ApiProperty({
    enum: ['open', 'passed', 'rejected', 'not_valid'],
    description: 'open while ballots may still come; else the result (not_valid: participation not met)',
  })
  outcome: 'open' | 'passed' | 'rejected' | 'not_valid';

  @ApiProperty({ enum: ['passed', 'rejected', 'not_valid'], description: 'What the ballots so far decide' })
  outcomeSoFar: 'passed' | 'rejected' | 'not_valid';
}
