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
import { AnyAuthenticated, AuthenticatedUser, CurrentUser, UuidParam } from '@linli/platform';
import { CreateProposalDto } from './dto/create-proposal.dto';
import { ProposalDto, ProposalPageDto } from './dto/proposal.dto';
import { ProposalsQueryDto } from './dto/proposals-query.dto';
import { ProposalsQuery } from './proposals-query';
import { CosignProposalUseCase } from './usecases/cosign-proposal.usecase';
import { CreateProposalUseCase } from './usecases/create-proposal.usecase';
import { WithdrawProposalUseCase } from './usecases/withdraw-proposal.usecase';

@ApiTags('deliberation/proposals')
@Controller('deliberation/proposals')
export class ProposalsController {
  constructor(
    private readonly query: ProposalsQuery,
    private readonly createProposal: CreateProposalUseCase,
    private readonly cosignProposal: CosignProposalUseCase,
    private readonly withdrawProposal: WithdrawProposalUseCase,
  ) {}

  @Post()
  @AnyAuthenticated()
  @ApiOperation({
    summary: 'Propose a matter for your own unit (居民提案): it collects co-signatures from its residents',
    description:
      'The unit is a community, grid, complex or building you live at or below. The co-signer threshold in force for its kind (setting proposal.cosigner-threshold) is frozen on the proposal. Audited as deliberation.proposal-created.',
  })
  @ApiCreatedResponse({ type: ProposalDto })
  @ApiBadRequestResponse({ description: 'validation.failed; deliberation.unit-kind; deliberation.category-unknown' })
  @ApiForbiddenResponse({ description: 'deliberation.person-not-linked; deliberation.residents-only (staff)' })
  @ApiNotFoundResponse({ description: 'resource.not-found: the unit is unknown or not yours' })
  create(@CurrentUser() user: AuthenticatedUser, @Body() body: CreateProposalDto): Promise<ProposalDto> {
    return this.createProposal.execute(user, body);
  }

  @Get()
  @AnyAuthenticated()
  @ApiOperation({
    summary: 'Proposals you may see, newest first',
    description:
      'Staff: those in their deliberation.read scope. Residents: those at the unit they live in and at the units above it.',
  })
  @ApiOkResponse({ type: ProposalPageDto })
  @ApiNotFoundResponse({ description: 'resource.not-found: unitId unknown or outside your scope' })
  list(@CurrentUser() user: AuthenticatedUser, @Query() query: ProposalsQueryDto): Promise<ProposalPageDto> {
    return this.query.list(user, query);
  }

  @Get(':id')
  @AnyAuthenticated()
  @ApiOperation({ summary: 'One proposal with its co-signers count, threshold and topic once adopted' })
  @ApiOkResponse({ type: ProposalDto })
  @ApiNotFoundResponse({ description: 'resource.not-found' })
  get(@CurrentUser() user: AuthenticatedUser, @UuidParam('id') id: string): Promise<ProposalDto> {
    return this.query.get(user, id);
  }

  @Post(':id/cosign')
  @AnyAuthenticated()
  @ApiOperation({
    summary: 'Co-sign (附议) a proposal of your unit; the co-signature reaching the threshold makes it a topic, once',
    description:
      'Audited as deliberation.proposal-cosigned. At the threshold the proposal becomes a topic in collection (source resident_proposal), deliberation.proposal.adopted is published and the proposer is notified, in the same transaction.',
  })
  @ApiCreatedResponse({ type: ProposalDto })
  @ApiForbiddenResponse({ description: 'deliberation.person-not-linked; deliberation.residents-only (staff)' })
  @ApiNotFoundResponse({ description: 'resource.not-found: unknown, or you do not live within its unit' })
  @ApiConflictResponse({
    description:
      'deliberation.cosign-own-proposal; deliberation.already-cosigned; deliberation.proposal-closed (adopted or withdrawn)',
  })
  cosign(@CurrentUser() user: AuthenticatedUser, @UuidParam('id') id: string): Promise<ProposalDto> {
    return this.cosignProposal.execute(user, id);
  }

  @Post(':id/withdraw')
  @HttpCode(200)
  @AnyAuthenticated()
  @ApiOperation({
    summary: 'Withdraw your proposal while it collects co-signatures',
    description: 'Audited as deliberation.proposal-withdrawn.',
  })
  @ApiOkResponse({ type: ProposalDto })
  @ApiForbiddenResponse({ description: 'deliberation.proposer-only' })
  @ApiNotFoundResponse({ description: 'resource.not-found' })
  @ApiConflictResponse({ description: 'deliberation.proposal-closed' })
  withdraw(@CurrentUser() user: AuthenticatedUser, @UuidParam('id') id: string): Promise<ProposalDto> {
    return this.withdrawProposal.execute(user, id);
  }
}
