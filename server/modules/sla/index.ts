// The service-level module's public entry: calendars and policies for the catalogue and staff screens.
export { calendarSchema, workingDayMinutes } from './calendar';
export { loadPolicy } from './sla.service';
