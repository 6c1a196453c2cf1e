import { Body, Controller, Delete, Get, HttpCode, Post, Query } from '@nestjs/common';
import {
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { AuthenticatedUser, CurrentUser, Permission, RequirePermission, UuidParam } from '@linli/platform';
import { AddJointMemberDto, JointMemberDto, JointMemberListDto, JointMembersQueryDto } from './dto/joint-member.dto';
import { JointMembersService } from './joint-members.service';

@ApiTags('deliberation/meetings')
@Controller('deliberation/joint-members')
export class JointMembersController {
  constructor(private readonly members: JointMembersService) {}

  @Post()
  @RequirePermission(Permission.DeliberationManage)
  @ApiOperation({
    summary: "Add a member organization to a community's joint meeting (党建联席会议), last in the chair rotation",
    description: 'A member who left joins again at the end. Audited as deliberation.joint-member-added.',
  })
  @ApiCreatedResponse({ type: JointMemberDto })
  @ApiConflictResponse({ description: 'deliberation.joint-member-exists' })
  @ApiNotFoundResponse({ description: 'resource.not-found: the community or the organization is outside your scope' })
  add(@CurrentUser() user: AuthenticatedUser, @Body() body: AddJointMemberDto): Promise<JointMemberDto> {
    return this.members.add(user, body);
  }

  @Get()
  @RequirePermission(Permission.DeliberationRead)
  @ApiOperation({
    summary: 'Members in rotation order, with unexcused absences in the year and whether they are flagged (3 or more)',
  })
  @ApiOkResponse({ type: JointMemberListDto })
  list(@CurrentUser() user: AuthenticatedUser, @Query() query: JointMembersQueryDto): Promise<JointMemberListDto> {
    return this.members.list(user, query);
  }

  @Delete(':id')
  @RequirePermission(Permission.DeliberationManage)
  @ApiOperation({
    summary: 'A member leaves the joint meeting (the rotation skips it)',
    description: 'Same as POST :id/leave.',
  })
  @ApiOkResponse({ type: JointMemberDto })
  @ApiConflictResponse({ description: 'deliberation.joint-member-left' })
  remove(@CurrentUser() user: AuthenticatedUser, @UuidParam('id') id: string): Promise<JointMemberDto> {
    return this.members.leave(user, id);
  }

  @Post(':id/leave')
  @RequirePermission(Permission.DeliberationManage)
  @HttpCode(200)
  @ApiOperation({
    summary: 'A member leaves the joint meeting (the rotation skips it)',
    description: 'Audited as deliberation.joint-member-left.',
  })
  @ApiOkResponse({ type: JointMemberDto })
  @ApiConflictResponse({ description: 'deliberation.joint-member-left' })
  leave(@CurrentUser() user: AuthenticatedUser, @UuidParam('id') id: string): Promise<JointMemberDto> {
    return this.members.leave(user, id);
  }
}
