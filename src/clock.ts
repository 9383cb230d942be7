/** The time, injectable so schedules, quiet hours and limits can be tested at any moment. */
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };
