import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBooleanString, IsIn, IsNotEmpty, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import { IsCalendarDate, PageQueryDto } from '@linli/platform';
import { SEAT_BODY_KEYS, SeatBody } from '../seat-bodies';

const BODIES_DOC =
  'deliberation_council (议事会: chair, member), supervisory_council (监事会: chair, member), building_heads (楼栋长: head), owner_representatives (业主代表, owners only: representative), company (物业服务企业: project_manager, manager). party_branch and owners_committee are read from their own records.';

export class CreatePropertySeatDto {
  @ApiProperty({ format: 'uuid', description: 'The complex (小区) in your property.manage scope' })
  @IsUUID()
  complexId: string;

  @ApiProperty({ description: BODIES_DOC })
  @IsString()
  @IsNotEmpty()
  @MaxLength(24)
  body: string;

  @ApiProperty({ example: 'member' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(24)
  role: string;

  @ApiProperty({
    format: 'uuid',
    description: 'A person in your scope (an owner of the complex for owner_representatives)',
  })
  @IsUUID()
  personId: string;

  @ApiPropertyOptional({ format: 'date', description: 'Default today; not in the future' })
  @IsOptional()
  @IsCalendarDate()
  startedOn?: string;
}

export class EndPropertySeatDto {
  @ApiPropertyOptional({ format: 'date', description: 'Default today; not before the start' })
  @IsOptional()
  @IsCalendarDate()
  endedOn?: string;
}

export class PropertySeatsQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  complexId?: string;

  @ApiPropertyOptional({ enum: SEAT_BODY_KEYS })
  @IsOptional()
  @IsIn(SEAT_BODY_KEYS)
  body?: SeatBody;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  personId?: string;

  @ApiPropertyOptional({ enum: ['true', 'false'], description: 'Current seats only (true) or ended ones (false)' })
  @IsOptional()
  @IsBooleanString()
  current?: string;
}

export class PropertySeatDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ format: 'uuid' })
  complexId: string;

  @ApiProperty({ enum: SEAT_BODY_KEYS })
  body: SeatBody;

  @ApiProperty({ description: '议事会, 监事会, 楼栋长, 业主代表, 物业服务企业' })
  bodyDisplay: string;

  @ApiProperty()
  role: string;

  @ApiProperty({ description: '主任, 成员, 楼栋长, 业主代表, 项目经理, 管理人员' })
  roleDisplay: string;

  @ApiProperty({ format: 'uuid' })
  personId: string;

  @ApiProperty()
  name: string;

  @ApiProperty({ format: 'date' })
  startedOn: string;

  @ApiPropertyOptional({ format: 'date', nullable: true, type: String })
  endedOn: string | null;
}

export class PropertySeatPageDto {
  @ApiProperty({ type: [PropertySeatDto] })
  items: PropertySeatDto[];

  @ApiPropertyOptional({ nullable: true, type: String })
  nextCursor: string | null;
}
