import { Injectable } from '@nestjs/common';
import { OrganizationDirectory } from '@linli/organization';
import { EntityManager } from 'typeorm';
import { ActivityRecord } from './activity-record';
import { ActivitySignupEntity } from './activity-signup.entity';
import { ActivityDto } from './dto/activity.dto';
import { AttendanceDto } from './dto/attendance.dto';

/** Responses of the activities area, with the names of units and people from organization's directory (one call per list). */
@Injectable()
export class ActivityViews {
  constructor(private readonly directory: OrganizationDirectory) {}

  /** unit id → name, for activities shown or announced. */
  async unitNames(activities: Pick<ActivityRecord, 'unitId'>[], manager?: EntityManager): Promise<Map<string, string>> {
    const units = await this.directory.units.byIds(
      activities.map((activity) => activity.unitId),
      manager,
    );
    return new Map([...units].map(([id, unit]) => [id, unit.name]));
  }

  async activities(records: ActivityRecord[], manager?: EntityManager): Promise<ActivityDto[]> {
    if (records.length === 0) return [];
    const names = await this.unitNames(records, manager);
    return records.map((record) => ActivityDto.from(record, names.get(record.unitId) ?? ''));
  }

  async activity(record: ActivityRecord, manager?: EntityManager): Promise<ActivityDto> {
    const [dto] = await this.activities([record], manager);
    return dto;
  }

  /** Attendance rows with the people's names; `positions` gives waitlisted sign-ups their place. */
  async attendance(
    signups: ActivitySignupEntity[],
    positions: Map<string, number> = new Map(),
    manager?: EntityManager,
  ): Promise<AttendanceDto[]> {
    if (signups.length === 0) return [];
    const names = await this.directory.people.names(
      signups.map((s) => s.personId),
      manager,
    );
    return signups.map((s) => AttendanceDto.from(s, names.get(s.personId) ?? '', positions.get(s.id) ?? null));
  }
}
