import { Body, Controller, Get, Post } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { AnyAuthenticated, AuthenticatedUser, CurrentUser, Permission, RequirePermission } from '@linli/platform';
import { CreateSkillDto } from './dto/create-skill.dto';
import { SkillDto, SkillListDto } from './dto/skill.dto';
import { VolunteerSkills } from './volunteer-skills.service';

@ApiTags('volunteers/skills')
@Controller('volunteers/skills')
export class VolunteerSkillsController {
  constructor(private readonly skills: VolunteerSkills) {}

  @Get()
  @AnyAuthenticated()
  @ApiOperation({ summary: 'The skill taxonomy (技能目录): built-in skills first, then those the city added' })
  @ApiOkResponse({ type: SkillListDto })
  list(): Promise<SkillListDto> {
    return this.skills.list();
  }

  @Post()
  @RequirePermission(Permission.VolunteersSkillsManage)
  @ApiOperation({ summary: 'Add a skill to the taxonomy', description: 'Audited as volunteers.skill-created.' })
  @ApiCreatedResponse({ type: SkillDto })
  @ApiBadRequestResponse({ description: 'validation.failed' })
  @ApiConflictResponse({ description: 'volunteers.skill-taken: the code or the name exists' })
  create(@CurrentUser() user: AuthenticatedUser, @Body() body: CreateSkillDto): Promise<SkillDto> {
    return this.skills.create(user, body);
  }
}
