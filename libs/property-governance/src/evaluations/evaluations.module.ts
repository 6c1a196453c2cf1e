import { Module } from '@nestjs/common';
import { OrganizationDirectoryModule } from '@linli/organization';
import { PropertyAccessModule } from '../access/property-access.module';
import { CampaignCreation } from './campaign-creation';
import { EvaluationPublishing } from './evaluation-publishing';
import { EvaluationsRepository } from './evaluations.repository';
import { EvaluationsService } from './evaluations.service';
import { RectificationsRepository } from './rectifications.repository';
import { RectificationsService } from './rectifications.service';
import { CreatePropertyEvaluationUseCase } from './usecases/create-property-evaluation.usecase';
import { PublishPropertyEvaluationUseCase } from './usecases/publish-property-evaluation.usecase';
import { RatePropertyEvaluationUseCase } from './usecases/rate-property-evaluation.usecase';

const PROVIDERS = [
  EvaluationsRepository,
  RectificationsRepository,
  CampaignCreation,
  EvaluationPublishing,
  EvaluationsService,
  RectificationsService,
  CreatePropertyEvaluationUseCase,
  RatePropertyEvaluationUseCase,
  PublishPropertyEvaluationUseCase,
];

/** Domain face of the evaluations area: campaigns, ratings, published scores and ranks, rectification orders. */
@Module({ imports: [OrganizationDirectoryModule, PropertyAccessModule], providers: PROVIDERS, exports: PROVIDERS })
export class PropertyEvaluationsModule {}
