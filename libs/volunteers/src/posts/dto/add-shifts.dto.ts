import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, ValidateNested } from 'class-validator';
import { MAX_SHIFTS_PER_REQUEST } from './create-post.dto';
import { ShiftInputDto } from './shift-input.dto';

/** `POST /volunteers/posts/:id/shifts`: more shifts, each with the post's slots per shift. */
export class AddShiftsDto {
  @ApiProperty({ type: [ShiftInputDto] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_SHIFTS_PER_REQUEST)
  @ValidateNested({ each: true })
  @Type(() => ShiftInputDto)
  shifts: ShiftInputDto[];
}
