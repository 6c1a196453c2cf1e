import { Module } from '@nestjs/common';
import { OrganizationDirectoryModule } from '@linli/organization';
import { DeliberationAccessModule } from '../access/deliberation-access.module';
import { SettingsModule } from '../settings/settings.module';
import { TopicsModule } from '../topics/topics.module';
import { ProposalAccess } from './proposal-access';
import { ProposalAdoption } from './proposal-adoption';
import { ProposalViews } from './proposal-views';
import { ProposalsQuery } from './proposals-query';
import { ProposalsRepository } from './proposals.repository';
import { CosignProposalUseCase } from './usecases/cosign-proposal.usecase';
import { CreateProposalUseCase } from './usecases/create-proposal.usecase';
import { WithdrawProposalUseCase } from './usecases/withdraw-proposal.usecase';

const PROVIDERS = [
  ProposalsRepository,
  ProposalAccess,
  ProposalViews,
  ProposalAdoption,
  ProposalsQuery,
  CreateProposalUseCase,
  CosignProposalUseCase,
  WithdrawProposalUseCase,
];

/** Domain face of the proposals area: resident proposals (居民提案制), co-signatures, adoption as topics. */
@Module({
  imports: [OrganizationDirectoryModule, DeliberationAccessModule, SettingsModule, TopicsModule],
  providers: PROVIDERS,
  exports: PROVIDERS,
})
export class ProposalsModule {}
