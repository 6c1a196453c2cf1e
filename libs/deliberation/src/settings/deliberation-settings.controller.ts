import { Body, Controller, Delete, Get, Param, Put, Query } from '@nestjs/common';
import { ApiBadRequestResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AuthenticatedUser, CurrentUser, Permission, RequirePermission } from '@linli/platform';
import { DeliberationSettings } from './deliberation-settings.service';
import { DeleteSettingQueryDto, PutSettingDto } from './dto/put-setting.dto';
import { SettingsDto } from './dto/setting.dto';

@ApiTags('deliberation/settings')
@Controller('deliberation/settings')
export class DeliberationSettingsController {
  constructor(private readonly settings: DeliberationSettings) {}

  @Get()
  @RequirePermission(Permission.DeliberationRead)
  @ApiOperation({
    summary:
      "Deliberation's settings (notice and evaluation periods, co-signer thresholds): defaults and the deployment's values",
  })
  @ApiOkResponse({ type: SettingsDto })
  list(): Promise<SettingsDto> {
    return this.settings.list();
  }

  @Put(':key')
  @RequirePermission(Permission.DeliberationSettingsManage)
  @ApiOperation({
    summary: 'Set a value for every unit kind or for one kind',
    description: 'Audited as deliberation.setting-changed.',
  })
  @ApiOkResponse({ type: SettingsDto })
  @ApiBadRequestResponse({ description: 'validation.failed; deliberation.setting-out-of-range' })
  @ApiNotFoundResponse({ description: 'deliberation.setting-unknown' })
  put(
    @CurrentUser() user: AuthenticatedUser,
    @Param('key') key: string,
    @Body() body: PutSettingDto,
  ): Promise<SettingsDto> {
    return this.settings.put(user, key, body.value, body.unitKind);
  }

  @Delete(':key')
  @RequirePermission(Permission.DeliberationSettingsManage)
  @ApiOperation({
    summary: 'Remove a value (back to the default)',
    description: 'Audited as deliberation.setting-reset.',
  })
  @ApiOkResponse({ type: SettingsDto })
  @ApiNotFoundResponse({ description: 'deliberation.setting-unknown' })
  reset(
    @CurrentUser() user: AuthenticatedUser,
    @Param('key') key: string,
    @Query() query: DeleteSettingQueryDto,
  ): Promise<SettingsDto> {
    return this.settings.reset(user, key, query.unitKind);
  }
}
