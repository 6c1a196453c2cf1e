import { ApiProperty } from '@nestjs/swagger';
import { RoleGrantEntity } from '../entities/role-grant.entity';
import { UserEntity } from '../entities/user.entity';
import { GrantDto } from './grant.dto';

/** An account as the api shows it: never the password hash. */
export class UserDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ example: 'wang.fang' })
  username: string;

  @ApiProperty({ nullable: true, type: String, example: '王芳' })
  displayName: string | null;

  @ApiProperty({ format: 'uuid', nullable: true, type: String })
  personId: string | null;

  @ApiProperty({ format: 'uuid', nullable: true, type: String, description: 'Home unit; null = deployment-wide' })
  unitId: string | null;

  @ApiProperty()
  isActive: boolean;

  @ApiProperty({ format: 'date-time' })
  createdAt: string;

  @ApiProperty({ type: [GrantDto], description: 'Grants within your scope' })
  grants: GrantDto[];

  static from(user: UserEntity, grants: RoleGrantEntity[]): UserDto {
    const dto = new UserDto();
    dto.id = user.id;
    dto.username = user.username;
    dto.displayName = user.displayName;
    dto.personId = user.personId;
    dto.unitId = user.unitId;
    dto.isActive = user.isActive;
    dto.createdAt = user.createdAt.toISOString();
    dto.grants = grants.map((grant) => GrantDto.from(grant));
    return dto;
  }
}
