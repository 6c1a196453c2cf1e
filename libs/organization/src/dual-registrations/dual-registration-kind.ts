import { DualRegistrationKind } from './dual-registration.entity';

export const DUAL_REGISTRATION_KINDS: readonly DualRegistrationKind[] = ['member', 'organization'];

export const DUAL_REGISTRATION_KIND_DISPLAY: Record<DualRegistrationKind, string> = {
  member: '在职党员到社区报到',
  organization: '单位党组织到社区报到',
};
