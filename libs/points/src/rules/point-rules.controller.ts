import { Body, Controller, Get, Patch, Post, Query } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { AuthenticatedUser, CurrentUser, Permission, RequirePermission, UuidParam } from '@linli/platform';
import { CreatePointRuleDto } from './dto/create-point-rule.dto';
import { PointRuleDto } from './dto/point-rule.dto';
import { PointRulePageDto } from './dto/point-rule-page.dto';
import { PointRulesQueryDto } from './dto/point-rules-query.dto';
import { UpdatePointRuleDto } from './dto/update-point-rule.dto';
import { PointRulesService } from './point-rules.service';

@ApiTags('points/rules')
@Controller('points/rules')
export class PointRulesController {
  constructor(private readonly rules: PointRulesService) {}

  @Get()
  @RequirePermission(Permission.PointsRead)
  @ApiOperation({
    summary: "The points rules in force where you work: deployment-wide, your units' and their ancestors', by code",
  })
  @ApiOkResponse({ type: PointRulePageDto })
  list(@CurrentUser() user: AuthenticatedUser, @Query() query: PointRulesQueryDto): Promise<PointRulePageDto> {
    return this.rules.list(user, query);
  }

  @Post()
  @RequirePermission(Permission.PointsRulesManage)
  @ApiOperation({
    summary: 'Create a points rule (version 1)',
    description:
      'Scoped to unitId (points.rules.manage there) or deployment-wide (deployment-wide administrators only). Audited as points.rule-created.',
  })
  @ApiCreatedResponse({ type: PointRuleDto })
  @ApiBadRequestResponse({
    description:
      'validation.failed: a field, or a combination (validityMonths on assessment points, activeTo before activeFrom, pendingUntil without pendingKey…)',
  })
  @ApiForbiddenResponse({
    description: 'points.rule-scope-forbidden: a deployment-wide rule needs a deployment-wide grant',
  })
  @ApiNotFoundResponse({ description: 'resource.not-found: unitId unknown or outside your scope' })
  @ApiConflictResponse({ description: 'points.rule-code-taken' })
  create(@CurrentUser() user: AuthenticatedUser, @Body() body: CreatePointRuleDto): Promise<PointRuleDto> {
    return this.rules.create(user, body);
  }

  @Patch(':id')
  @RequirePermission(Permission.PointsRulesManage)
  @ApiOperation({
    summary: 'Change a rule: writes its next version',
    description: 'Entries keep the version they were computed with. Audited as points.rule-changed.',
  })
  @ApiOkResponse({ type: PointRuleDto })
  @ApiForbiddenResponse({
    description: 'points.rule-scope-forbidden: a deployment-wide rule needs a deployment-wide grant',
  })
  @ApiNotFoundResponse({ description: 'resource.not-found: unknown rule, or its unit is outside your scope' })
  update(
    @CurrentUser() user: AuthenticatedUser,
    @UuidParam('id') id: string,
    @Body() body: UpdatePointRuleDto,
  ): Promise<PointRuleDto> {
    return this.rules.update(user, id, body);
  }
}
