import { Body, Controller, Get, Patch, Post, Query } from '@nestjs/common';
import {
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { AuthenticatedUser, CurrentUser, Permission, RequirePermission, UuidParam } from '@linli/platform';
import { CreatePartyMemberDto } from './dto/create-party-member.dto';
import { MemberTransferDto } from './dto/member-transfer.dto';
import { PartyMemberDetailDto } from './dto/party-member-detail.dto';
import { PartyMemberPageDto } from './dto/party-member-page.dto';
import { PartyMemberDto } from './dto/party-member.dto';
import { PartyMembersQueryDto } from './dto/party-members-query.dto';
import { TransferMemberDto } from './dto/transfer-member.dto';
import { UpdatePartyMemberDto } from './dto/update-party-member.dto';
import { MembersService } from './members.service';
import { JoinMemberUseCase } from './usecases/join-member.usecase';
import { TransferMemberUseCase } from './usecases/transfer-member.usecase';
import { UpdateMemberUseCase } from './usecases/update-member.usecase';

@ApiTags('organization/party-members')
@Controller('party-members')
export class MembersController {
  constructor(
    private readonly members: MembersService,
    private readonly joinMember: JoinMemberUseCase,
    private readonly updateMember: UpdateMemberUseCase,
    private readonly transferMember: TransferMemberUseCase,
  ) {}

  @Post()
  @RequirePermission(Permission.MembersManage)
  @ApiOperation({
    summary: 'Register a person as a party member of an organization',
    description: 'Publishes organization.member.joined; audited as members.joined.',
  })
  @ApiCreatedResponse({ type: PartyMemberDto })
  @ApiNotFoundResponse({ description: 'resource.not-found: the person, or the organization in your scope, is unknown' })
  @ApiConflictResponse({
    description: 'organization.member-exists: the person is a member already (one membership per person)',
  })
  join(@CurrentUser() user: AuthenticatedUser, @Body() body: CreatePartyMemberDto): Promise<PartyMemberDto> {
    return this.joinMember.execute(user, body);
  }

  @Get()
  @RequirePermission(Permission.OrganizationsRead)
  @ApiOperation({ summary: 'Party members whose organization is in your scope or who live there, by joining date' })
  @ApiOkResponse({ type: PartyMemberPageDto })
  list(@CurrentUser() user: AuthenticatedUser, @Query() query: PartyMembersQueryDto): Promise<PartyMemberPageDto> {
    return this.members.list(user, query);
  }

  @Get(':id')
  @RequirePermission(Permission.OrganizationsRead)
  @ApiOperation({ summary: 'One party member with their transfer history' })
  @ApiOkResponse({ type: PartyMemberDetailDto })
  get(@CurrentUser() user: AuthenticatedUser, @UuidParam('id') id: string): Promise<PartyMemberDetailDto> {
    return this.members.get(user, id);
  }

  @Patch(':id')
  @RequirePermission(Permission.MembersManage)
  @ApiOperation({
    summary: 'Change category, joining date or status (转正: probationary → full)',
    description: 'Audited as members.updated.',
  })
  @ApiOkResponse({ type: PartyMemberDto })
  @ApiConflictResponse({ description: 'organization.member-status-change: full → probationary' })
  update(
    @CurrentUser() user: AuthenticatedUser,
    @UuidParam('id') id: string,
    @Body() body: UpdatePartyMemberDto,
  ): Promise<PartyMemberDto> {
    return this.updateMember.execute(user, id, body);
  }

  @Post(':id/transfers')
  @RequirePermission(Permission.MembersManage)
  @ApiOperation({
    summary: "Transfer the member's organizational relation (转接) to another organization",
    description:
      "Both organizations' counts, the history and organization.member.transferred commit together. Audited as members.transferred.",
  })
  @ApiCreatedResponse({ type: MemberTransferDto })
  @ApiConflictResponse({ description: 'organization.transfer-same-organization' })
  transfer(
    @CurrentUser() user: AuthenticatedUser,
    @UuidParam('id') id: string,
    @Body() body: TransferMemberDto,
  ): Promise<MemberTransferDto> {
    return this.transferMember.execute(user, id, body);
  }
}
