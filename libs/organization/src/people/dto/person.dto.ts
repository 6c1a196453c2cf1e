import { ApiProperty } from '@nestjs/swagger';
import { GENDER_DISPLAY, GENDERS, maskBirthDate } from '../person-fields';
import { Gender, PersonEntity } from '../person.entity';

/** A person as the api shows them: phone, ID number and birth date masked, never cipher text. */
export class PersonDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ example: '王芳' })
  name: string;

  @ApiProperty({
    nullable: true,
    type: String,
    example: '138****5678',
    description: 'Masked; the full value only through POST /people/:id/reveal',
  })
  phone: string | null;

  @ApiProperty({
    nullable: true,
    type: String,
    example: '110***********002X',
    description: 'Masked; the full value only through POST /people/:id/reveal',
  })
  idNumber: string | null;

  @ApiProperty({ enum: GENDERS, nullable: true })
  gender: Gender | null;

  @ApiProperty({ nullable: true, type: String, example: '女' })
  genderDisplay: string | null;

  @ApiProperty({
    nullable: true,
    type: String,
    example: '1949-**-**',
    description: 'Masked to the year; the full date only through POST /people/:id/reveal',
  })
  birthDate: string | null;

  @ApiProperty({ format: 'uuid' })
  residenceUnitId: string;

  @ApiProperty({ nullable: true, type: String, example: '幸福里小区 3 号楼' })
  residenceUnitName: string | null;

  @ApiProperty({
    nullable: true,
    type: String,
    example: '3-502',
    description: 'The household (户号) within the residence unit; null: a household of their own',
  })
  householdCode: string | null;

  @ApiProperty({ nullable: true, type: String })
  externalId: string | null;

  @ApiProperty({ format: 'date-time' })
  createdAt: string;

  @ApiProperty({ format: 'date-time' })
  updatedAt: string;

  static from(person: PersonEntity, residenceUnitName: string | null): PersonDto {
    const dto = new PersonDto();
    dto.id = person.id;
    dto.name = person.name;
    dto.phone = person.phoneMasked;
    dto.idNumber = person.idNumberMasked;
    dto.gender = person.gender;
    dto.genderDisplay = person.gender ? GENDER_DISPLAY[person.gender] : null;
    dto.birthDate = maskBirthDate(person.birthDate);
    dto.residenceUnitId = person.residenceUnitId;
    dto.residenceUnitName = residenceUnitName;
    dto.householdCode = person.householdCode;
    dto.externalId = person.externalId;
    dto.createdAt = person.createdAt.toISOString();
    dto.updatedAt = person.updatedAt.toISOString();
    return dto;
  }
}
