/**
 * The meeting kinds (会议形式) as data, the one home of their notice periods, quorums and decision
 * rules with the text they come from. A quorum counts those present against a base: the unit's adult
 * residents (or households) for a residents' meeting, its active representatives for a
 * representatives' meeting; the consultative forms have none and decide by consensus (their
 * conclusions are advisory and go to a residents' or representatives' meeting or a vote to bind).
 */
export const MEETING_KINDS = [
  'residents_meeting',
  'representatives_meeting',
  'public_talk',
  'hearing',
  'joint_meeting',
  'council',
  'online_council',
] as const;
export type MeetingKind = (typeof MEETING_KINDS)[number];

/** Who must be present: none, more than half or two thirds of the base. */
export type QuorumRule = 'none' | 'more_than_half' | 'two_thirds';
/** The base a quorum counts against. */
export type QuorumBase = 'none' | 'adult_residents_or_households' | 'representatives';
/** How a decision is taken: more than half of those present, or consensus (advisory forms). */
export type DecisionRule = 'more_than_half' | 'consensus';

export interface MeetingKindDefinition {
  kind: MeetingKind;
  displayName: string;
  /** Calendar days between now and the start, at least. */
  noticeDays: number;
  /** Why that notice period (the text, or why none). */
  noticeSource: string;
  quorum: { rule: QuorumRule; base: QuorumBase; source: string };
  decision: { rule: DecisionRule; source: string };
  /** Who may check in with the code: residents within the meeting's unit, or any resident of its community. */
  openToCommunity: boolean;
  /** Unit kinds it may be held at (null: any deliberation unit). */
  unitKinds: readonly string[] | null;
}

const ADVISORY =
  '协商性会议，不设法定人数，以协商一致形成意见（对居民有约束力的事项须提交居民会议、居民代表会议或表决）';

export const MEETING_KIND_DEFINITIONS: Record<MeetingKind, MeetingKindDefinition> = {
  residents_meeting: {
    kind: 'residents_meeting',
    displayName: '居民会议',
    noticeDays: 0,
    noticeSource: '法律未规定通知期限，由居民委员会召集时确定',
    quorum: {
      rule: 'more_than_half',
      base: 'adult_residents_or_households',
      source:
        '《城市居民委员会组织法》第九条：居民会议可以由全体十八周岁以上的居民或者每户派代表参加，……会议须有全体十八周岁以上的居民、户的代表或者居民小组选举的代表的过半数出席，才能举行',
    },
    decision: {
      rule: 'more_than_half',
      source: '《城市居民委员会组织法》第九条、第十条：会议的决定，由出席人的过半数通过',
    },
    openToCommunity: false,
    unitKinds: null,
  },
  representatives_meeting: {
    kind: 'representatives_meeting',
    displayName: '居民代表会议',
    noticeDays: 0,
    noticeSource: '地方规则多要求提前通知代表，未统一规定天数',
    quorum: {
      rule: 'two_thirds',
      base: 'representatives',
      source: '地方居民代表会议规则：须有三分之二以上的居民代表出席方能召开',
    },
    decision: { rule: 'more_than_half', source: '地方居民代表会议规则：决定须经出席代表的过半数通过' },
    openToCommunity: false,
    unitKinds: null,
  },
  public_talk: {
    kind: 'public_talk',
    displayName: '民情恳谈会',
    noticeDays: 0,
    noticeSource: '按季度召开，无法定通知期限',
    quorum: { rule: 'none', base: 'none', source: ADVISORY },
    decision: { rule: 'consensus', source: ADVISORY },
    openToCommunity: true,
    unitKinds: null,
  },
  hearing: {
    kind: 'hearing',
    displayName: '事务听评会',
    noticeDays: 10,
    noticeSource: '听证会（听评会）须提前10日公告',
    quorum: { rule: 'none', base: 'none', source: ADVISORY },
    decision: { rule: 'consensus', source: ADVISORY },
    openToCommunity: false,
    unitKinds: null,
  },
  joint_meeting: {
    kind: 'joint_meeting',
    displayName: '党建联席会议',
    noticeDays: 15,
    noticeSource: '联席会议议题须提前15日提交成员单位；每年至少召开两次，由成员单位轮流主持',
    quorum: { rule: 'none', base: 'none', source: ADVISORY },
    decision: { rule: 'consensus', source: ADVISORY },
    openToCommunity: false,
    unitKinds: ['community'],
  },
  council: {
    kind: 'council',
    displayName: '协商议事会',
    noticeDays: 0,
    noticeSource: '无法定通知期限',
    quorum: { rule: 'none', base: 'none', source: ADVISORY },
    decision: { rule: 'consensus', source: ADVISORY },
    openToCommunity: true,
    unitKinds: null,
  },
  online_council: {
    kind: 'online_council',
    displayName: '线上议事厅',
    noticeDays: 0,
    noticeSource: '线上随时开展，无法定通知期限',
    quorum: { rule: 'none', base: 'none', source: ADVISORY },
    decision: { rule: 'consensus', source: ADVISORY },
    openToCommunity: true,
    unitKinds: null,
  },
};

/** How many of `base` must be present for `rule` (0 when there is no quorum). */
export function requiredPresent(rule: QuorumRule, base: number): number {
  if (rule === 'more_than_half') return Math.floor(base / 2) + 1;
  if (rule === 'two_thirds') return Math.ceil((base * 2) / 3);
  return 0;
}
