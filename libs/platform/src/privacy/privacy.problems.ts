import { ProblemDefinition, ProblemException, problemFrom } from '../errors/problem.exception';
import { DomainIdentityHold } from './identity-holds';

/** Problem codes of personal-data operations. Never renamed once released. */
export enum PrivacyCode {
  IdentityStillNeeded = 'privacy.identity-still-needed',
}

const CATALOGUE: Record<PrivacyCode, ProblemDefinition> = {
  [PrivacyCode.IdentityStillNeeded]: {
    status: 409,
    title: 'Identity still needed',
    detail: '该人员仍有未了结的事项，暂不能注销个人信息',
  },
};

export class PrivacyException extends ProblemException {
  constructor(code: PrivacyCode, extra?: { holds: DomainIdentityHold[] }) {
    super(
      problemFrom(code, CATALOGUE, {
        ...(extra
          ? {
              detail: `${CATALOGUE[code].detail}：${extra.holds.map((hold) => hold.detail).join('；')}`,
              extensions: { holds: extra.holds },
            }
          : {}),
      }),
    );
  }
}
