import { Module } from '@nestjs/common';
import { DemandsController } from './demands.controller';
import { DemandsModule } from './demands.module';
import { CancelDemandUseCase } from './usecases/cancel-demand.usecase';
import { ClaimDemandUseCase } from './usecases/claim-demand.usecase';
import { ClaimLifecycleUseCase } from './usecases/claim-lifecycle.usecase';
import { FulfilDemandUseCase } from './usecases/fulfil-demand.usecase';
import { InviteVolunteersUseCase } from './usecases/invite-volunteers.usecase';
import { PostDemandUseCase } from './usecases/post-demand.usecase';
import { ResolveFulfilmentUseCase } from './usecases/resolve-fulfilment.usecase';

/** HTTP face of the demands area; mounted by the api. */
@Module({
  imports: [DemandsModule],
  controllers: [DemandsController],
  providers: [
    PostDemandUseCase,
    ClaimDemandUseCase,
    ClaimLifecycleUseCase,
    FulfilDemandUseCase,
    ResolveFulfilmentUseCase,
    CancelDemandUseCase,
    InviteVolunteersUseCase,
  ],
})
export class DemandsHttpModule {}
