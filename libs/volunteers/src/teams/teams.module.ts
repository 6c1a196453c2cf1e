import { Module } from '@nestjs/common';
import { OrganizationDirectoryModule } from '@linli/organization';
import { TeamViews } from './team-views';
import { TeamsRepository } from './teams.repository';
import { TeamsService } from './teams.service';
import { CreateTeamUseCase } from './usecases/create-team.usecase';
import { TeamMembershipUseCase } from './usecases/team-membership.usecase';

const PROVIDERS = [TeamsRepository, TeamsService, TeamViews, CreateTeamUseCase, TeamMembershipUseCase];

/** Domain face of the teams area: teams at units and their members with roles. */
@Module({ imports: [OrganizationDirectoryModule], providers: PROVIDERS, exports: PROVIDERS })
export class TeamsModule {}
