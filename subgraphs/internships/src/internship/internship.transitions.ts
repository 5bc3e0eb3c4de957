import { InternshipStatus } from './internship.entity.js';

const { PLANNED, ONGOING, COMPLETED, TERMINATED } = InternshipStatus;

// An internship starts, then completes; it may end early (terminated) before it completes.
const NEXT: Readonly<Record<InternshipStatus, readonly InternshipStatus[]>> = {
  PLANNED: [ONGOING, TERMINATED],
  ONGOING: [COMPLETED, TERMINATED],
  COMPLETED: [],
  TERMINATED: [],
};

/** The statuses an internship in `from` may move to. */
export const nextInternshipStatuses = (from: InternshipStatus): InternshipStatus[] => [...NEXT[from]];

/** Whether an internship may move from `from` to `to`. */
export const isInternshipTransition = (from: InternshipStatus, to: InternshipStatus): boolean => NEXT[from].includes(to);

/** Whether the internship is still to come or under way, so its dates and supervisor may change. */
export const isActiveInternshipStatus = (status: InternshipStatus): boolean => status === PLANNED || status === ONGOING;
