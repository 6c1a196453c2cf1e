import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { RequirePermission } from '../auth/access.decorators';
import { AuthenticatedUser, CurrentUser } from '../auth/authenticated-user';
import { Permission } from '../auth/permissions';
import { AuditLogReader } from './audit-log.reader';
import { AuditEntryPageDto } from './dto/audit-entry-page.dto';
import { AuditLogQueryDto } from './dto/audit-log-query.dto';

@ApiTags('audit')
@Controller('audit-log')
export class AuditLogController {
  constructor(private readonly reader: AuditLogReader) {}

  @Get()
  @RequirePermission(Permission.AuditRead)
  @ApiOperation({
    summary: 'The audit log within your scope, newest first',
    description: 'Entries without a unit are visible to deployment-wide grants only.',
  })
  @ApiOkResponse({ type: AuditEntryPageDto })
  list(@CurrentUser() user: AuthenticatedUser, @Query() query: AuditLogQueryDto): Promise<AuditEntryPageDto> {
    return this.reader.list(user, query);
  }
}
