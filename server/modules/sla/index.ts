// The service-level module's public entry: calendars and policies for the catalogue and staff
// screens (and their writes: only this module writes the SLA tables); the pure due-time and clock
// computations and the timers for the request domain.
export { calendarSchema, DEMO_CALENDARS, workingDayMinutes } from './calendar';
export {
  announceDue,
  cachedPolicy,
  cachedPolicyByCode,
  computeDue,
  defineSlaCheckJob,
  loadPolicy,
  pausedClock,
  resumedClock,
  scheduleChecks,
  slaMarkDue,
  type LoadedPolicy,
  type SlaCheck,
  type SlaDue,
} from './sla.service';
export { listSlaCalendars, listSlaPolicies, slaCalendarIdByCode, updateSlaCalendar, updateSlaPolicy } from './sla.repo';
