export const INSTITUTION_KINDS = [
  'agency',
  'state_enterprise',
  'private_enterprise',
  'social_organization',
  'new_business',
] as const;
export type InstitutionKind = (typeof INSTITUTION_KINDS)[number];

export const INSTITUTION_KIND_DISPLAY: Record<InstitutionKind, string> = {
  agency: '机关单位',
  state_enterprise: '国有企业',
  private_enterprise: '非公企业',
  social_organization: '社会组织',
  new_business: '新业态企业',
};
