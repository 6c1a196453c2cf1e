import { ApiProperty } from '@nestjs/swagger';

export class DemandMatchDto {
  @ApiProperty({ format: 'uuid' })
  personId: string;

  @ApiProperty({ example: '李明' })
  name: string;

  @ApiProperty({ format: 'uuid', description: "The volunteer's home unit" })
  unitId: string;

  @ApiProperty({ example: '幸福小区' })
  unitName: string;

  @ApiProperty({ type: [String], example: ['legal'] })
  skills: string[];

  @ApiProperty({
    example: 87.5,
    description: '0–100: skills 40, closeness 30, availability 10, recent load 10, rating 10',
  })
  score: number;

  @ApiProperty({
    type: [String],
    example: ['技能匹配：法律咨询', '同一小区', '周末白天有空', '近30天认领 0 次', '平均评分 4.8（5 次）'],
  })
  reasons: string[];

  @ApiProperty({ description: 'Already invited to this demand' })
  invited: boolean;
}

export class DemandMatchListDto {
  @ApiProperty({ type: [DemandMatchDto] })
  items: DemandMatchDto[];
}
