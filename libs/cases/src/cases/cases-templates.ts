import { defineNotificationTemplates } from '@linli/platform';

export const CasesTemplate = {
  Dispatched: 'cases.dispatched',
  Escalated: 'cases.escalated',
  DueSoon: 'cases.due-soon',
  Registered: 'cases.registered',
  Closed: 'cases.closed',
  VisitInvitation: 'cases.visit-invitation',
  RankedLowest: 'cases.ranked-lowest',
  HotlineStatus: 'cases.hotline-status',
} as const;

defineNotificationTemplates({
  [CasesTemplate.Dispatched]: {
    title: '新派遣案件',
    body: '案件“{{title}}”已派遣至{{levelName}}，请在{{dueAt}}前办结',
  },
  [CasesTemplate.Escalated]: {
    title: '案件上报',
    body: '案件“{{title}}”因{{reason}}已由{{fromLevel}}上报至{{toLevel}}，请及时办理',
  },
  [CasesTemplate.DueSoon]: { title: '案件即将超期', body: '案件“{{title}}”将于{{dueAt}}到期，请抓紧办理' },
  [CasesTemplate.Registered]: { title: '您反映的问题已受理', body: '您反映的“{{title}}”已立案，我们将尽快办理' },
  [CasesTemplate.Closed]: { title: '您反映的问题已办结', body: '您反映的“{{title}}”已办结，感谢您的参与' },
  [CasesTemplate.VisitInvitation]: {
    title: '请评价办理结果',
    body: '您反映的“{{title}}”已办结，请告诉我们您是否满意',
  },
  [CasesTemplate.HotlineStatus]: { title: '工单状态', body: '工单{{ticketNumber}}：{{statusDisplay}}' },
  [CasesTemplate.RankedLowest]: {
    title: '接诉即办排名靠后',
    body: '{{unitName}}{{period}}接诉即办综合得分{{score}}，在{{total}}个{{kindName}}中排名最后，请分析原因、抓好整改',
  },
});
