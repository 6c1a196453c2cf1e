import { ProblemDefinition, ProblemException, problemFrom, ProblemInit } from '@linli/platform';

/** Problem codes shared by every area of property governance. Never renamed once released. */
export enum PropertyCode {
  /** An owner action by an account that acts for no person. */
  PersonNotLinked = 'property.person-not-linked',
  /** Nobody records a paper or proxy ballot, a rating or an appointment for their own person. */
  SelfAuthorization = 'property.self-authorization',
  /** The unit is not a residential complex (小区). */
  NotAComplex = 'property.not-a-complex',
  /** The caller owns no exclusive part of the complex. */
  NotAnOwner = 'property.not-an-owner',
}

const CATALOGUE: Record<PropertyCode, ProblemDefinition> = {
  [PropertyCode.PersonNotLinked]: {
    status: 403,
    title: 'Account not linked to a person',
    detail: '当前账号未关联居民身份，无法以业主身份办理',
  },
  [PropertyCode.SelfAuthorization]: {
    status: 403,
    title: 'You cannot authorize for yourself',
    detail: '不能为本人登记或确认，请由其他工作人员办理',
  },
  [PropertyCode.NotAComplex]: { status: 400, title: 'Not a residential complex', detail: '该单元不是小区' },
  [PropertyCode.NotAnOwner]: { status: 403, title: 'Not an owner', detail: '您不是该小区的业主' },
};

export class PropertyException extends ProblemException {
  constructor(code: PropertyCode, extra?: Partial<ProblemInit>) {
    super(problemFrom(code, CATALOGUE, extra));
  }
}

/** 403 `property.self-authorization` with the situation in Chinese. */
export function selfAuthorization(detail: string): PropertyException {
  return new PropertyException(PropertyCode.SelfAuthorization, { detail });
}
