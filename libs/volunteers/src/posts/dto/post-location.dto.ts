import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsLatitude, IsLongitude, IsOptional, IsString, Length } from 'class-validator';

/** Where the post is served (WGS-84); with the post's `radiusM`, check-ins must come from within that distance. */
export class PostLocationDto {
  @ApiProperty({ example: 39.9075 })
  @IsLatitude()
  lat: number;

  @ApiProperty({ example: 116.39723 })
  @IsLongitude()
  lng: number;

  @ApiPropertyOptional({ example: '幸福社区党群服务中心', maxLength: 200 })
  @IsOptional()
  @IsString()
  @Length(1, 200)
  address?: string;
}
