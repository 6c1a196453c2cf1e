import { DirectoryOrganization } from '@linli/organization';

/** Kinds that make a complex's own party organization (as organization's analytics counts them). */
const OWN_KINDS = ['branch', 'general_branch', 'committee'];

/**
 * The complex's party branch among the organizations covering it: its own (branch, general branch
 * or committee) first, else a joint branch (联合党支部); a party group never. The lowest id wins a tie.
 */
export function complexBranch(covering: DirectoryOrganization[] | undefined): DirectoryOrganization | undefined {
  const list = covering ?? [];
  return (
    list.find((organization) => OWN_KINDS.includes(organization.kind)) ?? list.find((o) => o.kind === 'joint_branch')
  );
}

/** `own`, `joint` or `none`: how the complex is covered. */
export function branchCoverage(branch: DirectoryOrganization | undefined): 'own' | 'joint' | 'none' {
  if (!branch) return 'none';
  return OWN_KINDS.includes(branch.kind) ? 'own' : 'joint';
}
