import { Module } from '@nestjs/common';
import { OrganizationDirectoryModule } from '@linli/organization';
import { DeliberationAccessModule } from '../access/deliberation-access.module';
import { RepresentativesRepository } from '../representatives/representatives.repository';
import { RepresentativesService } from '../representatives/representatives.service';
import { TopicsModule } from '../topics/topics.module';
import { CastBallotUseCase } from './usecases/cast-ballot.usecase';
import { CloseVoteUseCase } from './usecases/close-vote.usecase';
import { CreateVoteUseCase } from './usecases/create-vote.usecase';
import { VoteClosing } from './vote-closing';
import { VoteCreation } from './vote-creation';
import { VoteViews } from './vote-views';
import { VotesNotifier } from './votes-notifier';
import { VotesRepository } from './votes.repository';
import { VotesService } from './votes.service';

const PROVIDERS = [
  VotesRepository,
  VoteCreation,
  VoteClosing,
  VoteViews,
  VotesNotifier,
  VotesService,
  CreateVoteUseCase,
  CastBallotUseCase,
  CloseVoteUseCase,
  RepresentativesRepository,
  RepresentativesService,
];

/** Domain face of the votes area: votes with a frozen roll, ballots (one per voter or household), results; the representatives roll (居民代表). */
@Module({
  imports: [OrganizationDirectoryModule, DeliberationAccessModule, TopicsModule],
  providers: PROVIDERS,
  exports: PROVIDERS,
})
export class VotesModule {}
