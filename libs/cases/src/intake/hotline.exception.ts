import { ProblemDefinition, ProblemException, problemFrom, ProblemInit } from '@linli/platform';

/** Problem codes of the 12345 hotline intake. Never renamed once released. */
export enum HotlineCode {
  /** The deployment set no `CASES_HOTLINE_SECRET`: the route is not there for it (404). */
  Disabled = 'cases.hotline-disabled',
  /** Missing, wrong or stale signature. */
  Signature = 'cases.hotline-signature',
}

const CATALOGUE: Record<HotlineCode, ProblemDefinition> = {
  [HotlineCode.Disabled]: { status: 404, title: 'Hotline intake off', detail: '本部署未启用12345热线接入' },
  [HotlineCode.Signature]: {
    status: 401,
    title: 'Bad signature',
    detail: '签名无效或已过期（x-linli-signature, x-linli-timestamp）',
  },
};

export class HotlineException extends ProblemException {
  constructor(code: HotlineCode, extra?: Partial<ProblemInit>) {
    super(problemFrom(code, CATALOGUE, extra));
  }
}
