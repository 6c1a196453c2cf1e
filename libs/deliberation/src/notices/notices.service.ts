import { Injectable } from '@nestjs/common';
import { OrganizationDirectory } from '@linli/organization';
import { AuthenticatedUser, NotFoundProblem, PageQueryDto } from '@linli/platform';
import { DeliberationAccess } from '../access/deliberation-access';
import { MilestoneDto } from '../topics/dto/milestone.dto';
import { TopicDto } from '../topics/dto/topic.dto';
import { TopicExecutionRepository } from '../topics/topic-execution.repository';
import { NoticePageDto } from './dto/notice.dto';
import { NoticesRepository } from './notices.repository';

/**
 * The public notice board of a unit: what its residents may read. Open to a resident living at or
 * below the unit and to staff with deliberation.read there; anyone else gets 404.
 */
@Injectable()
export class NoticesService {
  constructor(
    private readonly directory: OrganizationDirectory,
    private readonly access: DeliberationAccess,
    private readonly notices: NoticesRepository,
    private readonly execution: TopicExecutionRepository,
  ) {}

  async board(user: AuthenticatedUser, unitId: string, page: PageQueryDto): Promise<NoticePageDto> {
    const unit = (await this.directory.units.byIds([unitId])).get(unitId);
    if (!unit || !(await this.access.canSee(user, unit.path))) throw new NotFoundProblem('该单位');
    const found = await this.notices.page(unit.path, page);
    const milestones = await this.execution.milestones(
      undefined,
      found.items.map((topic) => topic.id),
    );
    return {
      items: found.items.map((topic) => {
        const view = TopicDto.from(topic);
        return {
          topicId: topic.id,
          unitId: topic.unitId,
          title: topic.title,
          category: topic.category,
          step: topic.step,
          stepName: view.stepName,
          stepEnteredAt: view.stepEnteredAt,
          decision: view.decision,
          noticeEndsAt: view.noticeEndsAt,
          responsibleParty: topic.responsibleParty,
          progressPercent: topic.progressPercent,
          executionEndedAt: view.executionEndedAt,
          milestones: (milestones.get(topic.id) ?? []).map(MilestoneDto.from),
          evaluation: {
            average: view.ratingAverage,
            count: topic.ratingCount,
            opensAt: view.evaluationOpensAt,
            closesAt: view.evaluationClosesAt,
            published: topic.step === 'closed',
          },
        };
      }),
      nextCursor: found.nextCursor,
    };
  }
}
