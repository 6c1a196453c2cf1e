import { MeetingKind } from './meeting-kinds';

export type MeetingStatus = 'scheduled' | 'held' | 'cancelled';

/** A meeting (会议) as the meetings area reads it. */
export interface MeetingRecord {
  id: string;
  unitId: string;
  unitPath: string;
  kind: MeetingKind;
  title: string;
  location: string | null;
  startsAt: Date;
  endsAt: Date;
  status: MeetingStatus;
  checkInSecret: string;
  chairOrganizationId: string | null;
  remindedAt: Date | null;
  createdByUserId: string;
  createdAt: Date;
}

/** One decision of the minutes, per agenda topic: the topics area reads exactly this shape. */
export interface MinutesDecision {
  topicId: string;
  decision: string;
  adopted: boolean;
}

export interface MinutesFollowUp {
  task: string;
  owner: string;
  dueOn: string | null;
}

export interface MinutesRecord {
  meetingId: string;
  summary: string;
  decisions: MinutesDecision[];
  followUps: MinutesFollowUp[];
  attendeeCount: number;
  recordedByUserId: string;
  recordedAt: Date;
}
