import { Injectable } from '@nestjs/common';
import { OrganizationDirectory } from '@linli/organization';
import {
  AuditLog,
  AuthenticatedUser,
  BusinessCalendar,
  Clock,
  NotFoundProblem,
  Permission,
  ScopedReferences,
  TransactionRunner,
} from '@linli/platform';
import { PropertyAccess } from '../access/property-access';
import { selfAuthorization } from '../property.exception';
import {
  CreatePropertySeatDto,
  EndPropertySeatDto,
  PropertySeatDto,
  PropertySeatPageDto,
  PropertySeatsQueryDto,
} from './dto/property-seat.dto';
import { DERIVED_BODIES, isRoleOf, roleDisplay, SEAT_BODIES, SeatBody } from './seat-bodies';
import { SeatsCode, SeatsException } from './seats.exception';
import { SeatRow, SeatsRepository } from './seats.repository';

const WHAT = '该职务';

/**
 * Seats across a complex's bodies (交叉任职): recorded by staff with property.manage at the complex,
 * for a person in their scope, never for themselves; one current seat per person, body and role even
 * under concurrent requests. Audited. Staff in scope and owners of the complex see them.
 */
@Injectable()
export class SeatsService {
  constructor(
    private readonly seats: SeatsRepository,
    private readonly access: PropertyAccess,
    private readonly references: ScopedReferences,
    private readonly directory: OrganizationDirectory,
    private readonly transactions: TransactionRunner,
    private readonly calendar: BusinessCalendar,
    private readonly audit: AuditLog,
    private readonly clock: Clock,
  ) {}

  async create(user: AuthenticatedUser, body: CreatePropertySeatDto): Promise<PropertySeatDto> {
    if (Object.prototype.hasOwnProperty.call(DERIVED_BODIES, body.body))
      throw new SeatsException(SeatsCode.SeatDerived);
    if (!Object.prototype.hasOwnProperty.call(SEAT_BODIES, body.body))
      throw new SeatsException(SeatsCode.SeatRole, { detail: '未知的组织（body）' });
    const seatBody = body.body as SeatBody;
    if (!isRoleOf(seatBody, body.role))
      throw new SeatsException(SeatsCode.SeatRole, { extensions: { roles: Object.keys(SEAT_BODIES[seatBody].roles) } });
    const complex = await this.access.complex(user, Permission.PropertyManage, body.complexId);
    await this.references.reachOne(user, Permission.PropertyManage, 'person', body.personId);
    if (user.personId === body.personId) throw selfAuthorization('不能登记本人的任职，请由其他工作人员办理');
    const today = this.calendar.localDate(this.clock.now());
    const startedOn = body.startedOn ?? today;
    if (startedOn > today) throw new SeatsException(SeatsCode.SeatDates);
    // The view is read after the commit: inside the transaction a second pooled connection (the
    // directory's names) could wait on a pool that concurrent requests' transactions have exhausted.
    const id = await this.transactions.run(async (manager) => {
      if (
        SEAT_BODIES[seatBody].ownersOnly &&
        !(await this.access.ownersAmong(complex.id, [body.personId], manager)).size
      )
        throw new SeatsException(SeatsCode.SeatNotOwner);
      const id = await this.seats.insert(manager, {
        complexId: complex.id,
        unitPath: complex.path,
        body: seatBody,
        role: body.role,
        personId: body.personId,
        startedOn,
        userId: user.userId,
      });
      if (!id) throw new SeatsException(SeatsCode.SeatHeld);
      await this.audit.record(
        {
          action: 'property.seat-recorded',
          targetType: 'property-seat',
          targetId: id,
          unitId: complex.id,
          unitPath: complex.path,
          data: { body: seatBody, role: body.role, personId: body.personId, startedOn },
        },
        manager,
      );
      return id;
    });
    return (await this.views([(await this.seats.readOne(undefined, id)) as SeatRow]))[0];
  }

  async end(user: AuthenticatedUser, id: string, body: EndPropertySeatDto): Promise<PropertySeatDto> {
    const seat = await this.seats.readOne(undefined, id);
    if (!seat) throw new NotFoundProblem(WHAT);
    await this.access.complex(user, Permission.PropertyManage, seat.complex_id);
    const endedOn = body.endedOn ?? this.calendar.localDate(this.clock.now());
    await this.transactions.run(async (manager) => {
      const locked = (await this.seats.readOne(manager, id, true)) as SeatRow;
      if (locked.ended_on) throw new SeatsException(SeatsCode.SeatEnded);
      if (endedOn < locked.started_on) throw new SeatsException(SeatsCode.SeatDates);
      await this.seats.end(manager, id, endedOn);
      await this.audit.record(
        {
          action: 'property.seat-ended',
          targetType: 'property-seat',
          targetId: id,
          unitId: locked.complex_id,
          unitPath: locked.unit_path,
          data: { endedOn },
        },
        manager,
      );
    });
    return (await this.views([(await this.seats.readOne(undefined, id)) as SeatRow]))[0];
  }

  async list(user: AuthenticatedUser, query: PropertySeatsQueryDto): Promise<PropertySeatPageDto> {
    const page = await this.seats.page(
      await this.access.visibility(user, 's.unit_path'),
      {
        complexId: query.complexId,
        body: query.body,
        personId: query.personId,
        current: query.current === undefined ? undefined : query.current === 'true',
      },
      query,
    );
    return { items: await this.views(page.items), nextCursor: page.nextCursor };
  }

  private async views(rows: SeatRow[]): Promise<PropertySeatDto[]> {
    const names = await this.directory.people.names(rows.map((row) => row.person_id));
    return rows.map((row) => ({
      id: row.id,
      complexId: row.complex_id,
      body: row.body,
      bodyDisplay: SEAT_BODIES[row.body].display,
      role: row.role,
      roleDisplay: roleDisplay(row.body, row.role),
      personId: row.person_id,
      name: names.get(row.person_id) ?? '',
      startedOn: row.started_on,
      endedOn: row.ended_on,
    }));
  }
}
