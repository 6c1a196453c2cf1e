import { ApiProperty } from '@nestjs/swagger';
import { IsNotEmpty, IsString, Matches, MaxLength } from 'class-validator';

export class CategoryDto {
  @ApiProperty({ example: 'lift_installation' })
  code: string;

  @ApiProperty({ example: '加装电梯' })
  displayName: string;

  @ApiProperty({ description: 'Shipped with the product (true) or added by the deployment' })
  builtin: boolean;
}

export class CategoryListDto {
  @ApiProperty({ type: [CategoryDto] })
  items: CategoryDto[];
}

export class CreateCategoryDto {
  @ApiProperty({ example: 'pet_keeping', pattern: '^[a-z][a-z0-9_]*$', maxLength: 48 })
  @IsString()
  @Matches(/^[a-z][a-z0-9_]*$/)
  @MaxLength(48)
  code: string;

  @ApiProperty({ example: '文明养犬', maxLength: 64 })
  @IsString()
  @IsNotEmpty()
  @MaxLength(64)
  displayName: string;
}
