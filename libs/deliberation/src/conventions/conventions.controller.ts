import { Body, Controller, Get, HttpCode, Post, Query } from '@nestjs/common';
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
import {
  AnyAuthenticated,
  AuthenticatedUser,
  CurrentUser,
  PageQueryDto,
  Permission,
  RequirePermission,
  UuidParam,
} from '@linli/platform';
import { ConventionsQuery } from './conventions-query';
import {
  ConventionCommentDto,
  ConventionCommentPageDto,
  CreateConventionCommentDto,
} from './dto/convention-comment.dto';
import { ConventionFilingDto, ConventionVoteDto } from './dto/convention-decision.dto';
import { ConventionDto, ConventionPageDto } from './dto/convention.dto';
import { ConventionsQueryDto } from './dto/conventions-query.dto';
import { CreateConventionDto } from './dto/create-convention.dto';
import { CommentOnConventionUseCase } from './usecases/comment-on-convention.usecase';
import { CreateConventionUseCase } from './usecases/create-convention.usecase';
import { DecideConventionUseCase } from './usecases/decide-convention.usecase';
import { FileConventionUseCase } from './usecases/file-convention.usecase';
import { OpenConventionCommentsUseCase } from './usecases/open-convention-comments.usecase';

const VOTE_INVALID =
  'deliberation.convention-vote-invalid (extensions.reason: other-convention, not-closed, electorate, pass-rule, not-passed; adopts, for a rejection)';

@ApiTags('deliberation/conventions')
@Controller('deliberation/conventions')
export class ConventionsController {
  constructor(
    private readonly query: ConventionsQuery,
    private readonly createConvention: CreateConventionUseCase,
    private readonly openComments: OpenConventionCommentsUseCase,
    private readonly commentOn: CommentOnConventionUseCase,
    private readonly decide: DecideConventionUseCase,
    private readonly fileConvention: FileConventionUseCase,
  ) {}

  @Post()
  @RequirePermission(Permission.DeliberationManage)
  @ApiOperation({
    summary: "Draft a new version of a community's residents' convention (居民公约)",
    description:
      'Version = the latest + 1; once adopted it supersedes the version in force. Audited as deliberation.convention-drafted.',
  })
  @ApiCreatedResponse({ type: ConventionDto })
  @ApiBadRequestResponse({ description: 'validation.failed; deliberation.unit-kind: not a community' })
  @ApiNotFoundResponse({ description: 'resource.not-found: the unit is unknown or outside your scope' })
  create(@CurrentUser() user: AuthenticatedUser, @Body() body: CreateConventionDto): Promise<ConventionDto> {
    return this.createConvention.execute(user, body);
  }

  @Get()
  @AnyAuthenticated()
  @ApiOperation({
    summary: 'Convention versions you may see, newest first',
    description: "Staff: in their deliberation.read scope. Residents: their community's.",
  })
  @ApiOkResponse({ type: ConventionPageDto })
  @ApiNotFoundResponse({ description: 'resource.not-found: unitId unknown, above a community or not yours' })
  list(@CurrentUser() user: AuthenticatedUser, @Query() query: ConventionsQueryDto): Promise<ConventionPageDto> {
    return this.query.list(user, query);
  }

  @Get(':id')
  @AnyAuthenticated()
  @ApiOperation({ summary: 'One convention version' })
  @ApiOkResponse({ type: ConventionDto })
  @ApiNotFoundResponse({ description: 'resource.not-found' })
  get(@CurrentUser() user: AuthenticatedUser, @UuidParam('id') id: string): Promise<ConventionDto> {
    return this.query.get(user, id);
  }

  @Post(':id/open-comments')
  @HttpCode(200)
  @RequirePermission(Permission.DeliberationManage)
  @ApiOperation({
    summary: 'Publish a draft for public comment (征求意见) for convention.comment-days days',
    description: 'Audited as deliberation.convention-comments-opened.',
  })
  @ApiOkResponse({ type: ConventionDto })
  @ApiNotFoundResponse({ description: 'resource.not-found' })
  @ApiConflictResponse({ description: 'deliberation.convention-status: not a draft' })
  open(@CurrentUser() user: AuthenticatedUser, @UuidParam('id') id: string): Promise<ConventionDto> {
    return this.openComments.execute(user, id);
  }

  @Post(':id/comments')
  @AnyAuthenticated()
  @ApiOperation({
    summary: 'Comment on a convention during its public comment period (residents of the community)',
    description: 'Audited as deliberation.convention-commented.',
  })
  @ApiCreatedResponse({ type: ConventionCommentDto })
  @ApiForbiddenResponse({ description: 'deliberation.person-not-linked; deliberation.residents-only (staff)' })
  @ApiNotFoundResponse({ description: 'resource.not-found' })
  @ApiConflictResponse({ description: 'deliberation.convention-not-commenting' })
  comment(
    @CurrentUser() user: AuthenticatedUser,
    @UuidParam('id') id: string,
    @Body() body: CreateConventionCommentDto,
  ): Promise<ConventionCommentDto> {
    return this.commentOn.execute(user, id, body);
  }

  @Get(':id/comments')
  @AnyAuthenticated()
  @ApiOperation({ summary: "A convention's comments, oldest first" })
  @ApiOkResponse({ type: ConventionCommentPageDto })
  @ApiNotFoundResponse({ description: 'resource.not-found' })
  comments(
    @CurrentUser() user: AuthenticatedUser,
    @UuidParam('id') id: string,
    @Query() query: PageQueryDto,
  ): Promise<ConventionCommentPageDto> {
    return this.query.commentsOf(user, id, query);
  }

  @Post(':id/adopt')
  @HttpCode(200)
  @RequirePermission(Permission.DeliberationDecide)
  @ApiOperation({
    summary: "Adopt by a residents' or representatives' meeting vote passed by two-thirds, after the comment period",
    description:
      'The version in force is superseded in the same transaction (one in force per community). Audited as deliberation.convention-adopted.',
  })
  @ApiOkResponse({ type: ConventionDto })
  @ApiNotFoundResponse({ description: 'resource.not-found: the convention or the vote' })
  @ApiConflictResponse({
    description: `deliberation.convention-comment-period; deliberation.convention-status; ${VOTE_INVALID}`,
  })
  adopt(
    @CurrentUser() user: AuthenticatedUser,
    @UuidParam('id') id: string,
    @Body() body: ConventionVoteDto,
  ): Promise<ConventionDto> {
    return this.decide.adopt(user, id, body.voteId);
  }

  @Post(':id/reject')
  @HttpCode(200)
  @RequirePermission(Permission.DeliberationDecide)
  @ApiOperation({
    summary: 'Record that the closed vote on the convention did not adopt it',
    description: 'Audited as deliberation.convention-rejected.',
  })
  @ApiOkResponse({ type: ConventionDto })
  @ApiNotFoundResponse({ description: 'resource.not-found: the convention or the vote' })
  @ApiConflictResponse({
    description: `deliberation.convention-comment-period; deliberation.convention-status; ${VOTE_INVALID}`,
  })
  reject(
    @CurrentUser() user: AuthenticatedUser,
    @UuidParam('id') id: string,
    @Body() body: ConventionVoteDto,
  ): Promise<ConventionDto> {
    return this.decide.reject(user, id, body.voteId);
  }

  @Post(':id/filing')
  @HttpCode(200)
  @RequirePermission(Permission.DeliberationDecide)
  @ApiOperation({
    summary: 'Record the filing of the adopted convention with the district (备案): date and reference',
    description: 'Audited as deliberation.convention-filed.',
  })
  @ApiOkResponse({ type: ConventionDto })
  @ApiBadRequestResponse({ description: 'validation.failed' })
  @ApiNotFoundResponse({ description: 'resource.not-found' })
  @ApiConflictResponse({ description: 'deliberation.convention-filed; deliberation.convention-status: not adopted' })
  file(
    @CurrentUser() user: AuthenticatedUser,
    @UuidParam('id') id: string,
    @Body() body: ConventionFilingDto,
  ): Promise<ConventionDto> {
    return this.fileConvention.execute(user, id, body);
  }
}
