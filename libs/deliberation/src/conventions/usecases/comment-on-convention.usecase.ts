import { Injectable } from '@nestjs/common';
import { OrganizationDirectory } from '@linli/organization';
import { AuditLog, AuthenticatedUser, Clock, TransactionRunner } from '@linli/platform';
import { ConventionAccess } from '../convention-access';
import { ConventionCommentsRepository } from '../convention-comments.repository';
import { ConventionsCode, ConventionsException } from '../conventions.exception';
import { ConventionsRepository } from '../conventions.repository';
import { ConventionCommentDto, CreateConventionCommentDto } from '../dto/convention-comment.dto';

/** `POST /deliberation/conventions/:id/comments`: a resident of the community comments during the public comment period. */
@Injectable()
export class CommentOnConventionUseCase {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly access: ConventionAccess,
    private readonly conventions: ConventionsRepository,
    private readonly comments: ConventionCommentsRepository,
    private readonly directory: OrganizationDirectory,
    private readonly audit: AuditLog,
    private readonly clock: Clock,
  ) {}

  async execute(
    user: AuthenticatedUser,
    id: string,
    command: CreateConventionCommentDto,
  ): Promise<ConventionCommentDto> {
    const { personId } = await this.access.resident(user, id);
    return this.transactions.run(async (manager) => {
      const convention = await this.conventions.readOne(manager, id);
      const now = this.clock.now();
      if (
        !convention ||
        convention.status !== 'commenting' ||
        !convention.commentEndsAt ||
        now >= convention.commentEndsAt
      )
        throw new ConventionsException(ConventionsCode.NotCommenting);
      const comment = await this.comments.insert(manager, {
        conventionId: id,
        personId,
        userId: user.userId,
        content: command.content.trim(),
        at: now,
      });
      await this.audit.record(
        {
          action: 'deliberation.convention-commented',
          targetType: 'deliberation-convention',
          targetId: id,
          unitId: convention.unitId,
          unitPath: convention.unitPath,
          data: { commentId: comment.id },
        },
        manager,
      );
      const name = (await this.directory.people.names([personId], manager)).get(personId) ?? '';
      return ConventionCommentDto.from(comment, name, true);
    });
  }
}
