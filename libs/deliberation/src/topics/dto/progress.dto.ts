import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsInt, IsNotEmpty, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { ProgressReportRecord } from '../topic-execution.repository';

export class ReportProgressDto {
  @ApiProperty({ minimum: 0, maximum: 100, description: 'Never below the last reported percent; 100 ends execution' })
  @IsInt()
  @Min(0)
  @Max(100)
  percent: number;

  @ApiProperty({ maxLength: 2000, example: '完成井道施工' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(2000)
  note: string;

  @ApiPropertyOptional({ type: [String], description: 'Evidence references (photo or file ids, links)', maxItems: 20 })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @IsString({ each: true })
  @MaxLength(500, { each: true })
  evidence?: string[];

  @ApiPropertyOptional({ maxLength: 200, description: 'The responsible party (责任方), when not set yet' })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  responsibleParty?: string;
}

export class SetResponsibleDto {
  @ApiProperty({ maxLength: 200, example: '幸福里物业服务中心' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  party: string;
}

export class ProgressReportDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty()
  percent: number;

  @ApiProperty()
  note: string;

  @ApiProperty({ type: [String] })
  evidence: string[];

  @ApiProperty({ format: 'date-time' })
  createdAt: string;

  static from(report: ProgressReportRecord): ProgressReportDto {
    return {
      id: report.id,
      percent: report.percent,
      note: report.note,
      evidence: report.evidence,
      createdAt: new Date(report.createdAt).toISOString(),
    };
  }
}
