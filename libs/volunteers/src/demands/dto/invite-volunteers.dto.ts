import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsInt, IsOptional, IsUUID, Max, Min } from 'class-validator';

/** `top` (the best N matches, default 5) or an explicit list of `personIds`. */
export class InviteVolunteersDto {
  @ApiPropertyOptional({ minimum: 1, maximum: 20, default: 5 })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(20)
  top?: number;

  @ApiPropertyOptional({ type: [String], format: 'uuid' })
  @IsOptional()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(50)
  @IsUUID('all', { each: true })
  personIds?: string[];
}

export class InvitedVolunteerDto {
  @ApiProperty({ format: 'uuid' })
  personId: string;

  @ApiProperty({ example: '李明' })
  name: string;
}

export class InvitationResultDto {
  @ApiProperty({ type: [InvitedVolunteerDto], description: 'Newly invited and notified' })
  invited: InvitedVolunteerDto[];

  @ApiProperty({ type: [String], format: 'uuid', description: 'Invited before: not notified again' })
  alreadyInvited: string[];
}
