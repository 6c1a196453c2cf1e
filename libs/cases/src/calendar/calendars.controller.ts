import { Body, Controller, Get, Put } from '@nestjs/common';
import { ApiBadRequestResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AuthenticatedUser, CurrentUser, Permission, RequirePermission } from '@linli/platform';
import { CalendarsService } from './calendars.service';
import { CaseCalendarDto, PutCaseCalendarDto } from './dto/case-calendar.dto';
import { YearParam } from './year-param';

@ApiTags('cases/calendars')
@Controller('cases/calendars')
export class CalendarsController {
  constructor(private readonly calendars: CalendarsService) {}

  @Get(':year')
  @RequirePermission(Permission.CasesRead)
  @ApiOperation({ summary: "A year's working-day calendar (holidays, make-up working days, working days in all)" })
  @ApiOkResponse({ type: CaseCalendarDto })
  @ApiNotFoundResponse({ description: 'cases.calendar-missing' })
  get(@YearParam() year: number): Promise<CaseCalendarDto> {
    return this.calendars.get(year);
  }

  @Put(':year')
  @RequirePermission(Permission.CasesManage)
  @ApiOperation({
    summary: "Load a year's official calendar: national holidays and make-up working weekend days (调休)",
    description:
      'Replaces the year. Limits in working days count on it from then on (deadlines already set stay). Audited as cases.calendar-loaded.',
  })
  @ApiOkResponse({ type: CaseCalendarDto })
  @ApiBadRequestResponse({ description: 'validation.failed; cases.calendar-year; cases.calendar-conflict' })
  put(
    @CurrentUser() user: AuthenticatedUser,
    @YearParam() year: number,
    @Body() body: PutCaseCalendarDto,
  ): Promise<CaseCalendarDto> {
    return this.calendars.put(user, year, body);
  }
}
