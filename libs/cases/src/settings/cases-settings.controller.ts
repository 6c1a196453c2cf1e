import { Body, Controller, Delete, Get, Param, Put } from '@nestjs/common';
import { ApiBadRequestResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AuthenticatedUser, CurrentUser, Permission, RequirePermission } from '@linli/platform';
import { CasesSettings } from './cases-settings.service';
import { CasesSettingsDto, PutCasesSettingDto } from './dto/cases-setting.dto';

@ApiTags('cases/settings')
@Controller('cases/settings')
export class CasesSettingsController {
  constructor(private readonly settings: CasesSettings) {}

  @Get()
  @RequirePermission(Permission.CasesRead)
  @ApiOperation({
    summary: 'The warning share and the weights of the composite score: values, defaults, who changed them',
  })
  @ApiOkResponse({ type: CasesSettingsDto })
  list(): Promise<CasesSettingsDto> {
    return this.settings.list();
  }

  @Put(':key')
  @RequirePermission(Permission.CasesManage)
  @ApiOperation({ summary: 'Set a value for the whole deployment', description: 'Audited as cases.setting-changed.' })
  @ApiOkResponse({ type: CasesSettingsDto })
  @ApiBadRequestResponse({ description: 'validation.failed; cases.setting-range' })
  @ApiNotFoundResponse({ description: 'cases.setting-unknown' })
  put(
    @CurrentUser() user: AuthenticatedUser,
    @Param('key') key: string,
    @Body() body: PutCasesSettingDto,
  ): Promise<CasesSettingsDto> {
    return this.settings.put(user, key, body.value);
  }

  @Delete(':key')
  @RequirePermission(Permission.CasesManage)
  @ApiOperation({ summary: 'Back to the default', description: 'Audited as cases.setting-reset.' })
  @ApiOkResponse({ type: CasesSettingsDto })
  @ApiNotFoundResponse({ description: 'cases.setting-unknown' })
  reset(@Param('key') key: string): Promise<CasesSettingsDto> {
    return this.settings.reset(key);
  }
}
