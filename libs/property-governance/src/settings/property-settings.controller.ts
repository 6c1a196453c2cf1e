import { Body, Controller, Delete, Get, Param, Put } from '@nestjs/common';
import { ApiBadRequestResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AuthenticatedUser, CurrentUser, Permission, RequirePermission } from '@linli/platform';
import { PropertySettingsDto, PutPropertySettingDto } from './dto/property-setting.dto';
import { PropertySettings } from './property-settings.service';

@ApiTags('property-governance/settings')
@Controller('property/settings')
export class PropertySettingsController {
  constructor(private readonly settings: PropertySettings) {}

  @Get()
  @RequirePermission(Permission.PropertyRead)
  @ApiOperation({
    summary: "Property governance's settings (smaller owners' committees): values, defaults, who changed them and when",
  })
  @ApiOkResponse({ type: PropertySettingsDto })
  list(): Promise<PropertySettingsDto> {
    return this.settings.list();
  }

  @Put(':key')
  @RequirePermission(Permission.PropertySettingsManage)
  @ApiOperation({
    summary: 'Set a value for the whole deployment',
    description: 'Audited as property.setting-changed.',
  })
  @ApiOkResponse({ type: PropertySettingsDto })
  @ApiBadRequestResponse({ description: 'validation.failed; property.setting-range; property.setting-not-odd' })
  @ApiNotFoundResponse({ description: 'property.setting-unknown' })
  put(
    @CurrentUser() user: AuthenticatedUser,
    @Param('key') key: string,
    @Body() body: PutPropertySettingDto,
  ): Promise<PropertySettingsDto> {
    return this.settings.put(user, key, body.value);
  }

  @Delete(':key')
  @RequirePermission(Permission.PropertySettingsManage)
  @ApiOperation({ summary: 'Back to the default', description: 'Audited as property.setting-reset.' })
  @ApiOkResponse({ type: PropertySettingsDto })
  @ApiNotFoundResponse({ description: 'property.setting-unknown' })
  reset(@Param('key') key: string): Promise<PropertySettingsDto> {
    return this.settings.reset(key);
  }
}
