import { Controller, Get } from '@nestjs/common';
import { ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AnyAuthenticated, AuthenticatedUser, CurrentUser, UuidParam } from '@linli/platform';
import { ConventionsQuery } from './conventions-query';
import { ConventionDto } from './dto/convention.dto';

@ApiTags('deliberation/conventions')
@Controller('deliberation/units')
export class UnitConventionController {
  constructor(private readonly query: ConventionsQuery) {}

  @Get(':id/convention')
  @AnyAuthenticated()
  @ApiOperation({
    summary: "The residents' convention in force for the community enclosing the unit",
    description: 'Readable by the residents of the community and staff in scope.',
  })
  @ApiOkResponse({ type: ConventionDto })
  @ApiNotFoundResponse({ description: 'resource.not-found: no convention in force, or the unit is not yours' })
  inForce(@CurrentUser() user: AuthenticatedUser, @UuidParam('id') id: string): Promise<ConventionDto> {
    return this.query.inForce(user, id);
  }
}
