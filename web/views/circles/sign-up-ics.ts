import type { IcalLibrary } from '../events/ics';

/**
 * One helper's own sign-up as iCalendar (ical-generator, as events use). Never a feed: one
 * event, for one person. The place is in it only when the place rule shows it to them now
 * (the route decides and passes it, or null).
 */
export const signUpCalendar = (
  { default: ical }: IcalLibrary,
  options: {
    siteName: string;
    host: string;
    url: string;
    signUpId: string;
    title: string;
    startsAt: Date;
    endsAt: Date;
    note: string;
    place: string | null;
    stamp: Date;
  },
): string => {
  const calendar = ical({
    name: options.siteName,
    prodId: { company: options.siteName, product: 'circles', language: 'EN' },
  });
  calendar.createEvent({
    id: `${options.signUpId}@${options.host}`,
    start: options.startsAt,
    end: options.endsAt,
    stamp: options.stamp,
    summary: options.title,
    description: options.note,
    location: options.place || null,
    url: options.url,
  });
  return calendar.toString();
};
