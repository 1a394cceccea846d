import { TZDate } from '@date-fns/tz';

/**
 * A circle's quiet hours (minutes after midnight in its zone, e.g. 21:00–08:00): nothing about
 * the circle reaches anyone by email or as a nudge in them; it is held until they end, never
 * dropped. Every circle job (nudges, check-in emails, reminders) asks here.
 */
export interface QuietHours {
  timeZone: string;
  quietStartMinute: number;
  quietEndMinute: number;
}

const localMinute = (now: Date, timeZone: string): number => {
  const local = new TZDate(now.getTime(), timeZone);
  return local.getHours() * 60 + local.getMinutes();
};

/** Whether `now` falls in the circle's quiet hours (equal start and end: there are none). */
export const isQuietTime = (circle: QuietHours, now: Date): boolean => {
  const { quietStartMinute: start, quietEndMinute: end } = circle;
  const minute = localMinute(now, circle.timeZone);
  if (start === end) return false;
  return start < end ? minute >= start && minute < end : minute >= start || minute < end;
};

/**
 * When what falls due now may be delivered: `now` outside quiet hours, else the moment they end
 * (the next time the clock in the circle's zone reads their end).
 */
export const deliverableAt = (circle: QuietHours, now: Date): Date => {
  if (!isQuietTime(circle, now)) return now;
  const local = new TZDate(now.getTime(), circle.timeZone);
  const endToday = new TZDate(
    local.getFullYear(),
    local.getMonth(),
    local.getDate(),
    Math.floor(circle.quietEndMinute / 60),
    circle.quietEndMinute % 60,
    0,
    circle.timeZone,
  );
  if (endToday.getTime() > now.getTime()) return new Date(endToday.getTime());
  const endTomorrow = new TZDate(endToday.getTime(), circle.timeZone);
  endTomorrow.setDate(endTomorrow.getDate() + 1);
  return new Date(endTomorrow.getTime());
};
