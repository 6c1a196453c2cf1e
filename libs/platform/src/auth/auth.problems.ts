import { ProblemDefinition, ProblemException, problemFrom } from '../errors/problem.exception';

/** Problem codes of authentication, accounts and grants. Never renamed once released. */
export enum AuthCode {
  InvalidCredentials = 'auth.invalid-credentials',
  WrongPassword = 'auth.wrong-password',
  UsernameTaken = 'users.username-taken',
  PersonAlreadyLinked = 'users.person-already-linked',
  UnitRequired = 'users.unit-required',
  DeploymentWideGrantForbidden = 'grants.deployment-wide-forbidden',
  DuplicateGrant = 'grants.duplicate',
  LastAdministrator = 'grants.last-administrator',
  AccountDeactivated = 'auth.account-deactivated',
  PasswordChangeRequired = 'auth.password-change-required',
  OwnPasswordReset = 'users.own-password-reset',
  OwnAccountDeactivation = 'users.own-account-deactivation',
  LastActiveAdministrator = 'users.last-administrator',
  PersonAnonymised = 'users.person-anonymised',
}

const CATALOGUE: Record<AuthCode, ProblemDefinition> = {
  [AuthCode.InvalidCredentials]: { status: 401, title: 'Invalid username or password', detail: '用户名或密码错误' },
  [AuthCode.WrongPassword]: { status: 400, title: 'Current password is wrong', detail: '当前密码不正确' },
  [AuthCode.UsernameTaken]: { status: 409, title: 'Username taken', detail: '该用户名已被使用' },
  [AuthCode.PersonAlreadyLinked]: {
    status: 409,
    title: 'Person already has an account',
    detail: '该人员已关联其他账号',
  },
  [AuthCode.UnitRequired]: {
    status: 400,
    title: 'Unit required',
    detail: '您在多个单位担任管理员，请指定账号所属单位（unitId）',
  },
  [AuthCode.DeploymentWideGrantForbidden]: {
    status: 403,
    title: 'Deployment-wide grant forbidden',
    detail: '只有全域管理员可以授予不限单位的角色，请指定单位（unitId）',
  },
  [AuthCode.DuplicateGrant]: { status: 409, title: 'Grant exists', detail: '该账号在此单位已拥有该角色' },
  [AuthCode.LastAdministrator]: {
    status: 409,
    title: 'Last administrator',
    detail: '不能撤销最后一位全域管理员的管理员角色',
  },
  [AuthCode.AccountDeactivated]: {
    status: 403,
    title: 'Account deactivated',
    detail: '该账号已停用，请联系管理员',
  },
  [AuthCode.PasswordChangeRequired]: {
    status: 403,
    title: 'Password change required',
    detail: '管理员已重置您的密码，请先修改密码（POST /api/v1/auth/password）',
  },
  [AuthCode.OwnPasswordReset]: {
    status: 409,
    title: 'Use the password change for your own account',
    detail: '不能通过重置接口修改自己的密码，请使用修改密码（POST /api/v1/auth/password）',
  },
  [AuthCode.OwnAccountDeactivation]: { status: 409, title: 'Cannot deactivate yourself', detail: '不能停用自己的账号' },
  [AuthCode.LastActiveAdministrator]: {
    status: 409,
    title: 'Last administrator',
    detail: '不能停用最后一位全域管理员的账号',
  },
  [AuthCode.PersonAnonymised]: {
    status: 409,
    title: 'Person anonymised',
    detail: '该人员的个人信息已注销，不能再关联账号',
  },
};

export class AuthException extends ProblemException {
  constructor(code: AuthCode) {
    super(problemFrom(code, CATALOGUE));
  }
}
