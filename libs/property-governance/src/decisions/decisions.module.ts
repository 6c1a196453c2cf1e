import { Module } from '@nestjs/common';
import { OrganizationDirectoryModule } from '@linli/organization';
import { PropertyAccessModule } from '../access/property-access.module';
import { PropertyPartsModule } from '../parts/parts.module';
import { DecisionClosing } from './decision-closing';
import { DecisionTallies } from './decision-tallies';
import { DecisionViews } from './decision-views';
import { DecisionsRepository } from './decisions.repository';
import { DecisionsService } from './decisions.service';
import { CastPropertyBallotUseCase } from './usecases/cast-property-ballot.usecase';
import { ClosePropertyDecisionUseCase } from './usecases/close-property-decision.usecase';
import { CreatePropertyDecisionUseCase } from './usecases/create-property-decision.usecase';

const PROVIDERS = [
  DecisionsRepository,
  DecisionTallies,
  DecisionClosing,
  DecisionViews,
  DecisionsService,
  CreatePropertyDecisionUseCase,
  CastPropertyBallotUseCase,
  ClosePropertyDecisionUseCase,
];

/** Domain face of the decisions area: owners' joint decisions with a frozen roll, one ballot per head, the art. 278 tally. */
@Module({
  imports: [OrganizationDirectoryModule, PropertyAccessModule, PropertyPartsModule],
  providers: PROVIDERS,
  exports: PROVIDERS,
})
export class PropertyDecisionsModule {}
