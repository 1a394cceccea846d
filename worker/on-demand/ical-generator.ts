// iCalendar files (events, a helper's sign-up): only the .ics routes load it.
export { default, ICalEventStatus } from 'ical-generator';
