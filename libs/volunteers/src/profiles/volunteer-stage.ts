/** The growth path (成长路径): volunteer → core member → part-time deputy secretary candidate. */
export const VOLUNTEER_STAGES = ['volunteer', 'core_member', 'deputy_secretary_candidate'] as const;
export type VolunteerStage = (typeof VOLUNTEER_STAGES)[number];

export const VOLUNTEER_STAGE_DISPLAY: Record<VolunteerStage, string> = {
  volunteer: '志愿者',
  core_member: '骨干队员',
  deputy_secretary_candidate: '兼职副书记人选',
};

/** When a volunteer is usually free; matching prefers volunteers free when the demand is due. */
export const AVAILABILITY_SLOTS = ['weekday_daytime', 'weekday_evening', 'weekend_daytime', 'weekend_evening'] as const;
export type AvailabilitySlot = (typeof AVAILABILITY_SLOTS)[number];

export const AVAILABILITY_SLOT_DISPLAY: Record<AvailabilitySlot, string> = {
  weekday_daytime: '工作日白天',
  weekday_evening: '工作日晚上',
  weekend_daytime: '周末白天',
  weekend_evening: '周末晚上',
};
