import fc from 'fast-check';
import {
  addDays,
  clockTimeToMinutes,
  dayNumberToIsoDate,
  isoDateToDayNumber,
  localMoment,
} from '../../../functions/lex-code-hook/calendar';
import { formatDate, formatTime, formatTimeZoneName } from '../../../functions/lex-code-hook/formatting';
import type { Store } from '../../../functions/lex-code-hook/data/stores';
import { describeWeek } from '../../../functions/lex-code-hook/intents/store-schedule';
import { messagesFor } from '../../../functions/lex-code-hook/messages';

describe('calendar', () => {
  it('round-trips every day number through its ISO date', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2_900_000 }), (day) => {
        expect(isoDateToDayNumber(dayNumberToIsoDate(day))).toBe(day);
      }),
    );
  });

  it('rejects dates that are not on the calendar', () => {
    for (const bad of ['2026-02-29', '2026-13-01', '2026-00-10', '2026-1-01', '20260101', '']) {
      expect(isoDateToDayNumber(bad)).toBeUndefined();
    }
    expect(isoDateToDayNumber('2028-02-29')).toBeDefined();
    expect(() => addDays('soon', 1)).toThrow(RangeError);
  });

  it('adds days across months and years', () => {
    expect(addDays('2026-12-30', 3)).toBe('2027-01-02');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
  });

  it('reads HH:MM on a 24-hour clock only', () => {
    expect(clockTimeToMinutes('00:00')).toBe(0);
    expect(clockTimeToMinutes('23:59')).toBe(1439);
    for (const bad of ['24:00', '9:00', '12:60', '12:00:00', 'noon'])
      expect(clockTimeToMinutes(bad)).toBeUndefined();
  });

  it('places an instant on the store clock, across daylight saving time', () => {
    expect(localMoment(Date.parse('2026-03-10T15:00:00Z'), 'America/New_York')).toEqual({
      date: '2026-03-10',
      time: '11:00',
    });
    expect(localMoment(Date.parse('2026-01-10T03:30:00Z'), 'America/New_York')).toEqual({
      date: '2026-01-09',
      time: '22:30',
    });
    expect(localMoment(Date.parse('2026-03-10T00:05:00Z'), 'America/Los_Angeles')).toEqual({
      date: '2026-03-09',
      time: '17:05',
    });
  });
});

describe('formatting', () => {
  it('says dates and times the way each locale does', () => {
    expect(formatDate('2026-03-12', 'en-US')).toBe('Thursday, March 12');
    expect(formatDate('2026-03-12', 'es-US')).toBe('jueves, 12 de marzo');
    expect(formatTime('09:00', 'en-US')).toBe('9 AM');
    expect(formatTime('14:30', 'en-US')).toBe('2:30 PM');
    expect(formatTime('13:00', 'es-US')).toBe('1 p.m.');
    expect(formatTimeZoneName('America/New_York', 'en-US', Date.parse('2026-07-01T12:00:00Z'))).toBe(
      'Eastern Time',
    );
  });

  it('renders every clock time with plain spaces only', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1439 }), fc.constantFrom('en-US', 'es-US'), (minutes, locale) => {
        const time = `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
        expect(formatTime(time, locale)).toMatch(/^[0-9]{1,2}(:[0-9]{2})? ?[A-Za-z. ]+$/);
      }),
    );
  });
});

describe('weekly store hours', () => {
  const dayHours = fc.option(
    fc.constantFrom({ opens: '09:00', closes: '17:00' }, { opens: '10:00', closes: '20:00' }),
    {
      nil: null,
    },
  );
  const week = fc.record({
    monday: dayHours,
    tuesday: dayHours,
    wednesday: dayHours,
    thursday: dayHours,
    friday: dayHours,
    saturday: dayHours,
    sunday: dayHours,
  });

  it('mentions every day once, in order, grouping runs of equal hours', () => {
    fc.assert(
      fc.property(week, (hours: Store['hours']) => {
        const text = describeWeek(hours, messagesFor('en_US'));
        const entries = text.split('; ');
        const values = Object.values(hours).map((h) => JSON.stringify(h));
        const runs = values.filter((value, index) => index === 0 || value !== values[index - 1]).length;
        expect(entries).toHaveLength(runs);
        if (runs === 1) expect(text.startsWith('every day, ')).toBe(true);
        else expect(text.startsWith('Monday')).toBe(true);
        expect(text.length).toBeLessThan(300);
      }),
    );
  });

  it('reads a typical week naturally in both languages', () => {
    const hours: Store['hours'] = {
      monday: { opens: '09:00', closes: '21:00' },
      tuesday: { opens: '09:00', closes: '21:00' },
      wednesday: { opens: '09:00', closes: '21:00' },
      thursday: { opens: '09:00', closes: '21:00' },
      friday: { opens: '09:00', closes: '21:30' },
      saturday: { opens: '09:00', closes: '21:30' },
      sunday: null,
    };
    expect(describeWeek(hours, messagesFor('en_US'))).toBe(
      'Monday to Thursday, 9 AM to 9 PM; Friday to Saturday, 9 AM to 9:30 PM; Sunday, closed',
    );
    expect(describeWeek(hours, messagesFor('es_US'))).toBe(
      'de lunes a jueves, de 9 a.m. a 9 p.m.; de viernes a sábado, de 9 a.m. a 9:30 p.m.; domingo, cerrado',
    );
  });
});
