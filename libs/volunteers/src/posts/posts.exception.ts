import { ProblemDefinition, ProblemException, problemFrom, ProblemInit } from '@linli/platform';

/**
 * Problem codes of service posts. Never renamed once released. Refused check-ins and verifications
 * use the attendance codes shared with activities (`attendance/attendance.exception.ts`), and an
 * account without a person `VolunteersCode.PersonNotLinked`, so a client handles them alike wherever
 * they happen.
 */
export enum PostsCode {
  PostUnitLevel = 'volunteers.post-unit-level',
  ShiftTimes = 'volunteers.shift-times',
  ShiftFull = 'volunteers.shift-full',
  ShiftAlreadyClaimed = 'volunteers.shift-already-claimed',
  ShiftOverlap = 'volunteers.shift-overlap',
  ShiftStarted = 'volunteers.shift-started',
  ShiftNotStarted = 'volunteers.shift-not-started',
  ClaimReleased = 'volunteers.claim-released',
}

const CATALOGUE: Record<PostsCode, ProblemDefinition> = {
  [PostsCode.PostUnitLevel]: {
    status: 400,
    title: 'Posts are published at a community or below',
    detail: '服务岗位只能发布在社区及以下单位（网格、小区、楼栋）',
  },
  [PostsCode.ShiftTimes]: {
    status: 400,
    title: 'Invalid shift times',
    detail: '班次须在当前时间之后开始，结束时间晚于开始时间，且时长不超过 24 小时',
  },
  [PostsCode.ShiftFull]: { status: 409, title: 'Shift full', detail: '该班次名额已满' },
  [PostsCode.ShiftAlreadyClaimed]: {
    status: 409,
    title: 'Shift already claimed by this person',
    detail: '已认领该班次，不能重复认领',
  },
  [PostsCode.ShiftOverlap]: { status: 409, title: 'Overlapping shift', detail: '与已认领的其他班次时间冲突' },
  [PostsCode.ShiftStarted]: { status: 409, title: 'Shift already started', detail: '班次已开始，不能再认领或取消认领' },
  [PostsCode.ShiftNotStarted]: { status: 409, title: 'Shift not started', detail: '班次尚未开始，不能核验服务时长' },
  [PostsCode.ClaimReleased]: { status: 409, title: 'Claim already released', detail: '该认领已取消' },
};

export class PostsException extends ProblemException {
  constructor(code: PostsCode, extra?: Partial<ProblemInit>) {
    super(problemFrom(code, CATALOGUE, extra));
  }
}
