import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsIn, IsOptional, IsString, IsUUID, MaxLength, MinLength } from 'class-validator';
import { PageQueryDto } from '@linli/platform';

export class PropertyRectificationFollowUpDto {
  @ApiProperty() note!: string;
  @ApiProperty() at!: string;
  @ApiProperty({ format: 'uuid' }) byUserId!: string;
}

export class PropertyRectificationDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) campaignId!: string | null;
  @ApiProperty({ format: 'uuid' }) complexId!: string;
  @ApiProperty({ format: 'uuid' }) companyId!: string;
  @ApiProperty() reason!: string;
  @ApiProperty() orderedAt!: string;
  @ApiProperty({ example: '2026-08-01' }) deadline!: string;
  @ApiProperty({ enum: ['open', 'rectified', 'failed'] }) status!: string;
  @ApiProperty({ type: [PropertyRectificationFollowUpDto] }) followUps!: PropertyRectificationFollowUpDto[];
  @ApiProperty({ nullable: true, type: String }) outcome!: string | null;
  @ApiProperty({ nullable: true, type: String }) closedAt!: string | null;
}

export class PropertyRectificationPageDto {
  @ApiProperty({ type: [PropertyRectificationDto] }) items!: PropertyRectificationDto[];
  @ApiProperty({ nullable: true, type: String }) nextCursor!: string | null;
}

export class PropertyRectificationsQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ format: 'uuid', description: 'Orders at complexes within this unit' })
  @IsOptional()
  @IsUUID()
  unitId?: string;

  @ApiPropertyOptional({ enum: ['open', 'rectified', 'failed'] })
  @IsOptional()
  @IsIn(['open', 'rectified', 'failed'])
  status?: 'open' | 'rectified' | 'failed';
}

export class PropertyEvaluationUnitQueryDto {
  @ApiPropertyOptional({ format: 'uuid', description: 'Within this street or district (default: the campaign’s unit)' })
  @IsOptional()
  @IsUUID()
  unitId?: string;
}

export class AddRectificationFollowUpDto {
  @ApiProperty({ maxLength: 2000 })
  @IsString()
  @MinLength(1)
  @MaxLength(2000)
  note!: string;
}

export class CloseRectificationDto {
  @ApiProperty({ maxLength: 2000 })
  @IsString()
  @MinLength(1)
  @MaxLength(2000)
  outcome!: string;

  @ApiProperty()
  @IsBoolean()
  rectified!: boolean;
}
