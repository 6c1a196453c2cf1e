import { ApiProperty } from '@nestjs/swagger';

/** The answer of `POST /privacy/people/:id/anonymise`. */
export class AnonymisationDto {
  @ApiProperty({ format: 'uuid', description: 'Unchanged: records and ledger stay under it' })
  personId: string;

  @ApiProperty({ example: '已注销用户-3f9a1c02', description: 'The name the person keeps' })
  pseudonym: string;

  @ApiProperty({
    type: 'object',
    additionalProperties: { type: 'array', items: { type: 'string' } },
    description: 'Per domain, the fields erased (names only)',
    example: { organization: ['name', 'phone', 'idNumber', 'birthDate', 'gender', 'externalId'] },
  })
  erased: Record<string, string[]>;

  @ApiProperty({ type: [String], description: 'Accounts linked to the person, now deactivated' })
  deactivatedAccountIds: string[];
}
