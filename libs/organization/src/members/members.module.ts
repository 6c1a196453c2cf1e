import { Module } from '@nestjs/common';
import { PartyOrganizationsModule } from '../party-organizations/party-organizations.module';
import { MembersService } from './members.service';
import { JoinMemberUseCase } from './usecases/join-member.usecase';
import { TransferMemberUseCase } from './usecases/transfer-member.usecase';
import { UpdateMemberUseCase } from './usecases/update-member.usecase';

/** Domain face of party members: reading them in scope, joining, changing, transferring. */
@Module({
  imports: [PartyOrganizationsModule],
  providers: [MembersService, JoinMemberUseCase, UpdateMemberUseCase, TransferMemberUseCase],
  exports: [MembersService, JoinMemberUseCase, UpdateMemberUseCase, TransferMemberUseCase],
})
export class MembersModule {}
