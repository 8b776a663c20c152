import { WEEKDAYS, type DayHours, type Store } from '../data/stores';
import { formatTime, weekdayName } from '../formatting';
import type { MessageCatalogue } from '../messages';

/**
 * A store's week in a sentence: consecutive days with the same hours are said once
 * ("Monday to Friday, 9 AM to 9 PM; Saturday, 10 AM to 6 PM; Sunday, closed").
 */
export function describeWeek(hours: Store['hours'], messages: MessageCatalogue): string {
  const runs: { first: number; last: number; hours: DayHours }[] = [];
  WEEKDAYS.forEach((day, index) => {
    const previous = runs[runs.length - 1];
    if (previous && sameHours(previous.hours, hours[day])) previous.last = index;
    else runs.push({ first: index, last: index, hours: hours[day] });
  });
  const { stores, intlLocale } = messages;
  return runs
    .map((run) => {
      const days =
        runs.length === 1
          ? stores.everyDay
          : run.first === run.last
            ? weekdayName(run.first, intlLocale)
            : stores.dayRange(weekdayName(run.first, intlLocale), weekdayName(run.last, intlLocale));
      const open = run.hours
        ? stores.hours(formatTime(run.hours.opens, intlLocale), formatTime(run.hours.closes, intlLocale))
        : stores.closed;
      return stores.scheduleEntry(days, open);
    })
    .join('; ');
}

function sameHours(a: DayHours, b: DayHours): boolean {
  return a === null || b === null ? a === b : a.opens === b.opens && a.closes === b.closes;
}
