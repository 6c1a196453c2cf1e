import { Injectable } from '@nestjs/common';

/** The one clock. Inject it; never call `new Date()` for business time. Tests use `FixedClock`. */
export abstract class Clock {
  abstract now(): Date;
}

@Injectable()
export class SystemClock extends Clock {
  now(): Date {
    return new Date();
  }
}

/** A clock tests set and advance by hand. */
export class FixedClock extends Clock {
  constructor(private current: Date = new Date('2026-11-22T02:00:00Z')) {
    super();
  }

  now(): Date {
    return new Date(this.current.getTime());
  }

  set(instant: Date | string): void {
    this.current = new Date(instant);
  }

  advance(milliseconds: number): void {
    this.current = new Date(this.current.getTime() + milliseconds);
  }
}
