import { defineNotificationTemplates } from '@linli/platform';

/** Notification templates of the topics jobs. Keys never change once released. */
export const TopicJobsTemplate = {
  /** A milestone of a topic in execution passed its due date undone; to the community secretary. data: { title, milestone, dueOn } */
  MilestoneOverdue: 'deliberation.milestone-overdue',
  /** The evaluation (residents' rating) of a topic opened; to the topic's creator. data: { title, closesOn } */
  EvaluationOpened: 'deliberation.evaluation-opened',
} as const;

defineNotificationTemplates({
  [TopicJobsTemplate.MilestoneOverdue]: {
    title: '议题节点逾期',
    body: '议题「{{title}}」的节点「{{milestone}}」已逾期（应于 {{dueOn}} 完成），请督促推进',
  },
  [TopicJobsTemplate.EvaluationOpened]: {
    title: '议题进入评估',
    body: '您创建的议题「{{title}}」已执行完成并进入评估阶段，居民可评价至 {{closesOn}}',
  },
});
