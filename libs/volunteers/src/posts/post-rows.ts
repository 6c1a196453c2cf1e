/** A post as the use cases need it: its own columns and where it is (its own copy of the unit's path). */
export interface PostRecord {
  id: string;
  unitId: string;
  unitPath: string;
  title: string;
  description: string | null;
  category: string | null;
  requiredSkills: string[];
  slotsPerShift: number;
  location: { lat: number; lng: number; address: string | null } | null;
  radiusM: number | null;
  createdBy: string;
  createdAt: Date;
}

export interface ShiftRecord {
  id: string;
  postId: string;
  startsAt: Date;
  endsAt: Date;
  slots: number;
  claimed: number;
  checkInSecret: string;
}

export interface ClaimRecord {
  id: string;
  shiftId: string;
  personId: string;
  startsAt: Date;
  endsAt: Date;
  releasedAt: Date | null;
  checkedInAt: Date | null;
  checkedOutAt: Date | null;
  verifiedAt: Date | null;
}

export type NewPost = Omit<PostRecord, 'id' | 'createdAt'>;

/** A claim as the responses show it (the person's name comes from organization's directory). */
export interface ClaimViewRow {
  id: string;
  post_id: string;
  shift_id: string;
  person_id: string;
  starts_at: Date;
  ends_at: Date;
  party_member: boolean;
  dual_registered: boolean;
  claimed_at: Date;
  released_at: Date | null;
  checked_in_at: Date | null;
  checked_out_at: Date | null;
  hours: string | null;
  verified_at: Date | null;
}

/** A shift as the post's detail shows it, with the caller's own live claim. */
export interface ShiftViewRow {
  id: string;
  post_id: string;
  starts_at: Date;
  ends_at: Date;
  slots: number;
  claimed: number;
  my_claim_id: string | null;
}

/** The shifts of a post not yet started, summed up. */
export interface UpcomingShiftsRow {
  post_id: string;
  upcoming: string;
  slots_left: string;
  next_starts_at: Date | null;
}

/** What a claimant is reminded of. */
export interface DueShiftReminder {
  id: string;
  person_id: string;
  starts_at: Date;
  title: string;
  unit_id: string;
}
