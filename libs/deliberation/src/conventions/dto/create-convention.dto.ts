import { ApiProperty } from '@nestjs/swagger';
import { IsString, IsUUID, Matches, MaxLength } from 'class-validator';

export class CreateConventionDto {
  @ApiProperty({ format: 'uuid', description: 'The community (居民公约 are per community)' })
  @IsUUID()
  unitId: string;

  @ApiProperty({ maxLength: 200, example: '幸福里社区居民公约' })
  @IsString()
  @Matches(/\S/, { message: '$property must not be blank' })
  @MaxLength(200)
  title: string;

  @ApiProperty({ maxLength: 50000, description: 'The full text of this version' })
  @IsString()
  @Matches(/\S/, { message: '$property must not be blank' })
  @MaxLength(50000)
  body: string;
}
