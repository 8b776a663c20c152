import { DeleteCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { WEEKDAYS } from '../../../functions/lex-code-hook/data/stores';
import { lexEvent, slot } from './events';
import { startHookFixture, type HookFixture } from './hook-fixture';
import { resultProblems, textOf } from './result-rules';

let fixture: HookFixture;
beforeAll(async () => {
  fixture = await startHookFixture();
});
afterAll(() => fixture.stop());

const hours = (location: string | undefined, localeId = 'en_US') =>
  lexEvent({ intent: 'StoreHours', localeId, slots: location ? { Location: slot(location) } : {} });

/** Northgate with Friday 2026-12-11 in the Day slot, and what the customer said. */
const northgateFriday = (transcript: string, localeId = 'en_US') => ({
  ...onDay('Northgate', '2026-12-11', localeId),
  inputTranscript: transcript,
});

const onDay = (location: string | undefined, day: string, localeId = 'en_US', intent = 'StoreHours') =>
  lexEvent({
    intent,
    localeId,
    slots: { ...(location ? { Location: slot(location) } : {}), Day: slot(day) },
  });

describe('StoreHours', () => {
  it('answers for the day asked, for one store or every store', async () => {
    // 2026-12-13 is a Sunday.
    expect(textOf(await fixture.pinnedHandler(onDay('Downtown', '2026-12-13')))).toBe(
      'On Sunday, our Downtown store is open 11 AM to 6 PM.',
    );
    expect(textOf(await fixture.pinnedHandler(onDay('Northgate', '2026-12-13')))).toBe(
      'Our Northgate store is closed on Sunday.',
    );
    expect(textOf(await fixture.pinnedHandler(onDay('Northgate', '2026-12-13', 'es_US')))).toBe(
      'Nuestra tienda Northgate está cerrada el domingo.',
    );
    // One full stop after "p.m.", not two.
    expect(textOf(await fixture.pinnedHandler(onDay('Downtown', '2026-12-13', 'es_US')))).toBe(
      'El domingo, nuestra tienda Centro abre de 11 a.m. a 6 p.m.',
    );
    expect(textOf(await fixture.pinnedHandler(onDay(undefined, '2026-12-12')))).toBe(
      'On Saturday: Airport, 5 AM to 11 PM; Downtown, 10 AM to 8 PM; Northgate, 9 AM to 6 PM; ' +
        'Riverside Mall, 10 AM to 9 PM.',
    );
  });

  it('answers Saturday and Sunday for the weekend, whatever day the slot still holds', async () => {
    expect(textOf(await fixture.pinnedHandler(northgateFriday('and on weekends?')))).toBe(
      'On Saturday, our Northgate store is open 9 AM to 6 PM. Our Northgate store is closed on Sunday.',
    );
    expect(textOf(await fixture.pinnedHandler(northgateFriday('¿y el fin de semana?', 'es_US')))).toMatch(
      /^El sábado, nuestra tienda Northgate abre .* Nuestra tienda Northgate está cerrada el domingo\.$/,
    );
    expect(textOf(await fixture.pinnedHandler(northgateFriday('and on friday?')))).toMatch(/^On Friday/);
  });

  it('answers the week for weekdays as a whole, whatever day the slot still holds', async () => {
    expect(textOf(await fixture.pinnedHandler(northgateFriday('and on weekdays?')))).toMatch(
      /^Hours for our Northgate store, at .*: Monday to Friday, 8 AM to 8 PM;/,
    );
    expect(textOf(await fixture.pinnedHandler(northgateFriday('¿y entre semana?', 'es_US')))).toMatch(
      /^Horario de nuestra tienda Northgate/,
    );
  });

  it('answers for a weekday asked about as a habit, which is no date', async () => {
    expect(textOf(await fixture.pinnedHandler(northgateFriday('is it open on Saturdays?')))).toBe(
      'On Saturday, our Northgate store is open 9 AM to 6 PM.',
    );
    expect(textOf(await fixture.pinnedHandler(northgateFriday('¿abren los domingos?', 'es_US')))).toBe(
      'Nuestra tienda Northgate está cerrada el domingo.',
    );
  });

  it('keeps the one day it answered for in the Day slot, for a follow-up about another store', async () => {
    const dayKept = async (transcript: string, localeId = 'en_US') => {
      const result = await fixture.pinnedHandler({
        ...hours(undefined, localeId),
        inputTranscript: transcript,
      });
      return result.sessionState.intent?.slots?.Day?.value?.interpretedValue;
    };
    // The pinned clock is Tuesday 2026-03-10 in New York.
    expect(await dayKept('are you open on Sundays?')).toBe('2026-03-15');
    expect(await dayKept('¿abren los martes?', 'es_US')).toBe('2026-03-10');
    expect(await dayKept('are you open right now?')).toBe('2026-03-10');
    expect(await dayKept('are you open on weekends?')).toBeUndefined();
    expect(await dayKept('what are your hours?')).toBeUndefined();
  });

  it('answers "are you open now?" for today in the stores\' time zone, and a day asked for that day', async () => {
    const now = (transcript: string, localeId = 'en_US') => ({
      ...hours('Northgate', localeId),
      inputTranscript: transcript,
    });
    // The pinned clock is a Tuesday morning in New York.
    expect(textOf(await fixture.pinnedHandler(now('is Northgate open right now?')))).toBe(
      'On Tuesday, our Northgate store is open 8 AM to 8 PM.',
    );
    expect(textOf(await fixture.pinnedHandler(now('¿está abierta ahorita la de Northgate?', 'es_US')))).toBe(
      'El martes, nuestra tienda Northgate abre de 8 a.m. a 8 p.m.',
    );
    const friday = { ...onDay('Northgate', '2026-03-13'), inputTranscript: 'is it open now on friday?' };
    expect(textOf(await fixture.pinnedHandler(friday))).toMatch(/^On Friday/);
  });

  it('compares the stores on the day asked, or today: which closes latest, which opens earliest', async () => {
    const asking = (transcript: string, day?: string, localeId = 'en_US') => ({
      ...(day ? onDay(undefined, day, localeId) : hours(undefined, localeId)),
      inputTranscript: transcript,
    });
    // 2026-12-12 is a Saturday; the pinned clock is a Tuesday.
    const latest = await fixture.pinnedHandler(asking('which one is open latest on saturday?', '2026-12-12'));
    expect(textOf(latest)).toBe('On Saturday, the store open latest is Airport, 5 AM to 11 PM.');
    expect(latest.sessionState.intent?.slots?.Day?.value?.interpretedValue).toBe('2026-12-12');
    expect(
      textOf(await fixture.pinnedHandler(asking('¿y cuál abre más temprano?', '2026-12-12', 'es_US'))),
    ).toBe('El sábado, la tienda que abre más temprano es Aeropuerto, de 5 a.m. a 11 p.m.');
    expect(textOf(await fixture.pinnedHandler(asking('which store closes latest?')))).toMatch(
      /^On Tuesday, /,
    );
    // With the airport store left out, two stores tie at 9 PM on a weekday.
    const { Attributes: airport } = await fixture.documents.send(
      new DeleteCommand({ TableName: 'parley-stores', Key: { storeId: 'airport' }, ReturnValues: 'ALL_OLD' }),
    );
    try {
      expect(
        textOf(
          await fixture.pinnedHandler(asking('¿cuál cierra más tarde el lunes?', '2026-12-14', 'es_US')),
        ),
      ).toBe(
        'El lunes, las tiendas que cierran más tarde son: Centro, de 9 a.m. a 9 p.m.; Centro Comercial Riverside, de 10 a.m. a 9 p.m.',
      );
    } finally {
      await fixture.documents.send(new PutCommand({ TableName: 'parley-stores', Item: airport }));
    }
    // A store named is answered for itself.
    const named = {
      ...onDay('Northgate', '2026-12-12'),
      inputTranscript: 'does Northgate close latest on saturday?',
    };
    expect(textOf(await fixture.pinnedHandler(named))).toBe(
      'On Saturday, our Northgate store is open 9 AM to 6 PM.',
    );
  });

  it('says whether a store is open at the time asked, or which stores are', async () => {
    const at = (location: string | undefined, day: string, time: string, localeId = 'en_US') =>
      lexEvent({
        intent: 'StoreHours',
        localeId,
        slots: { ...(location ? { Location: slot(location) } : {}), Day: slot(day), OpenAt: slot(time) },
      });
    // 2026-12-12 is a Saturday: Northgate 9 AM to 6 PM, the airport 5 AM to 11 PM.
    expect(textOf(await fixture.pinnedHandler(at('Northgate', '2026-12-12', '19:00', 'es_US')))).toBe(
      'A las 7 p.m. no: el sábado, nuestra tienda Northgate abre de 9 a.m. a 6 p.m.',
    );
    expect(textOf(await fixture.pinnedHandler(at('Northgate', '2026-12-12', '13:00', 'es_US')))).toBe(
      'Sí: el sábado, nuestra tienda Northgate abre de 9 a.m. a 6 p.m.',
    );
    expect(textOf(await fixture.pinnedHandler(at('Northgate', '2026-12-12', '18:00')))).toBe(
      'Not at 6 PM: on Saturday, our Northgate store is open 9 AM to 6 PM.',
    );
    expect(textOf(await fixture.pinnedHandler(at(undefined, '2026-12-12', '22:00')))).toBe(
      'At 10 PM on Saturday, these stores are open: Airport, 5 AM to 11 PM.',
    );
    expect(textOf(await fixture.pinnedHandler(at(undefined, '2026-12-12', '13:00', 'es_US')))).toMatch(
      /^El sábado a la 1 p\.m\. están abiertas: Aeropuerto, de 5 a\.m\. a 11 p\.m\.; /,
    );
    expect(textOf(await fixture.pinnedHandler(at(undefined, '2026-12-12', '04:00')))).toBe(
      'None of our stores is open at 4 AM on Saturday.',
    );
    // Closed all day (Northgate on Sunday 2026-12-13) is said as such.
    expect(textOf(await fixture.pinnedHandler(at('Northgate', '2026-12-13', '12:00')))).toBe(
      'Our Northgate store is closed on Sunday.',
    );
  });

  it('says it has no holiday hours before giving the regular ones', async () => {
    expect(textOf(await fixture.pinnedHandler(northgateFriday('are you open on Christmas?')))).toBe(
      "Hours on holidays can differ from our regular hours, and I don't have them. " +
        'On Friday, our Northgate store is open 8 AM to 8 PM.',
    );
    expect(textOf(await fixture.pinnedHandler(northgateFriday('¿abren en días festivos?', 'es_US')))).toMatch(
      /^En días festivos el horario puede ser distinto del normal, y no lo tengo\. El viernes/,
    );
    expect(textOf(await fixture.pinnedHandler(northgateFriday('are you open on friday?')))).toMatch(
      /^On Friday/,
    );
  });

  it('closes a follow-up as StoreHours, and ignores a day that is not a date', async () => {
    const followUp = await fixture.pinnedHandler(
      onDay('Downtown', '2026-12-14', 'en_US', 'StoreHoursFollowUp'),
    );
    expect(followUp.sessionState.intent?.name).toBe('StoreHours');
    expect(textOf(followUp)).toBe('On Monday, our Downtown store is open 9 AM to 9 PM.');
    expect(textOf(await fixture.pinnedHandler(onDay('Downtown', 'next sunday')))).toMatch(
      /^Hours for our Downtown/,
    );
  });

  it('gives one store its hours and address, grouping days with the same hours', async () => {
    const result = await fixture.pinnedHandler(hours('Downtown'));
    expect(result.sessionState.intent?.state).toBe('Fulfilled');
    expect(textOf(result)).toBe(
      'Hours for our Downtown store, at 120 Main Street: Monday to Friday, 9 AM to 9 PM; ' +
        'Saturday, 10 AM to 8 PM; Sunday, 11 AM to 6 PM.',
    );
  });

  it('says where the store is when asked, before the hours of the day carried over', async () => {
    const where = await fixture.pinnedHandler(northgateFriday('and where is it exactly?'));
    expect(textOf(where)).toMatch(/^Our Northgate store is at .+\. On Friday, our Northgate store is open/);
    const donde = await fixture.pinnedHandler(northgateFriday('¿y dónde queda?', 'es_US'));
    expect(textOf(donde)).toMatch(
      /^Nuestra tienda Northgate está en .+\. El viernes, nuestra tienda Northgate/,
    );
    expect(textOf(await fixture.pinnedHandler(northgateFriday('and on friday?')))).toMatch(/^On Friday/);
  });

  it('says "every day" for a store with the same hours all week, and names closed days', async () => {
    expect(textOf(await fixture.pinnedHandler(hours('Airport')))).toContain('every day, 5 AM to 11 PM');
    expect(textOf(await fixture.pinnedHandler(hours('Northgate')))).toContain('Sunday, closed');
  });

  it('finds a store whose canonical name has a space', async () => {
    expect(textOf(await fixture.pinnedHandler(hours('Riverside Mall')))).toContain(
      'Hours for our Riverside Mall store, at 500 Riverside Drive, unit 214: Monday to Saturday, 10 AM to 9 PM',
    );
  });

  it("answers in Spanish with Spanish day names and the store's Spanish name", async () => {
    const text = textOf(await fixture.pinnedHandler(hours('Downtown', 'es_US')));
    expect(text).toBe(
      'Horario de nuestra tienda Centro, en 120 Main Street: de lunes a viernes, de 9 a.m. a 9 p.m.; ' +
        'sábado, de 10 a.m. a 8 p.m.; domingo, de 11 a.m. a 6 p.m.',
    );
  });

  it('says the Spanish name, not the slot value, and a street address as it is written', async () => {
    expect(textOf(await fixture.pinnedHandler(hours('Riverside Mall', 'es_US')))).toMatch(
      /^Horario de nuestra tienda Centro Comercial Riverside, en 500 Riverside Drive, unit 214: /,
    );
  });

  it("says an address in words in the customer's language when the store has them", async () => {
    expect(textOf(await fixture.pinnedHandler(hours('Airport', 'es_US')))).toMatch(
      /^Horario de nuestra tienda Aeropuerto, en Terminal B, nivel de salidas: todos los días/,
    );
    expect(textOf(await fixture.pinnedHandler(hours('Airport', 'en_US')))).toMatch(
      /^Hours for our Airport store, at Terminal B, departures level: every day/,
    );
  });

  it('summarises every store when no location was given', async () => {
    const result = await fixture.pinnedHandler(hours(undefined));
    const text = textOf(result);
    expect(text.startsWith('Here are our store hours. Airport: every day, 5 AM to 11 PM. Downtown:')).toBe(
      true,
    );
    for (const name of ['Northgate', 'Riverside Mall']) expect(text).toContain(`${name}:`);
    expect(resultProblems(result)).toEqual([]);
  });

  it('summarises every store in Spanish, by Spanish name in alphabetical order', async () => {
    const text = textOf(await fixture.pinnedHandler(hours(undefined, 'es_US')));
    expect(text).toContain(
      'Este es el horario de nuestras tiendas. Aeropuerto: todos los días, de 5 a.m. a 11 p.m. Centro: de lunes',
    );
    const named = ['Aeropuerto:', 'Centro:', 'Centro Comercial Riverside:', 'Northgate:'];
    expect(named.map((name) => text.indexOf(name))).toEqual(
      named.map((name) => text.indexOf(name)).sort((a, b) => a - b),
    );
    for (const english of ['Downtown', 'Airport', 'Riverside Mall']) expect(text).not.toContain(english);
  });

  it('lists the known stores when asked about one it has no data for', async () => {
    const text = textOf(await fixture.pinnedHandler(hours('Harbor')));
    expect(text).toBe(
      "I don't have hours for that store. Our stores are Airport, Downtown, Northgate, and Riverside Mall.",
    );
  });

  it('lists the known stores by their Spanish names in Spanish', async () => {
    expect(textOf(await fixture.pinnedHandler(hours('Harbor', 'es_US')))).toBe(
      'No tengo el horario de esa tienda. Nuestras tiendas son Aeropuerto, Centro, Centro Comercial Riverside y Northgate.',
    );
  });

  it('falls back to the canonical name for a store with no name in the locale', async () => {
    const hoursAllWeek = Object.fromEntries(
      WEEKDAYS.map((day) => [day, { opens: '10:00', closes: '18:00' }]),
    );
    const unnamed = { storeId: 'pier', name: 'Pier', address: '1 Pier Road', hours: hoursAllWeek };
    const harbor = { ...unnamed, storeId: 'harbor', name: 'Harbor', localizedNames: { es_US: 'Puerto' } };
    await fixture.documents.send(new PutCommand({ TableName: 'parley-stores', Item: harbor }));
    await fixture.documents.send(new PutCommand({ TableName: 'parley-stores', Item: unnamed }));
    try {
      expect(textOf(await fixture.pinnedHandler(hours('Harbor', 'es_US')))).toMatch(
        /^Horario de nuestra tienda Puerto, en 1 Pier Road/,
      );
      expect(textOf(await fixture.pinnedHandler(hours('Harbor')))).toMatch(/^Hours for our Harbor store/);
      expect(textOf(await fixture.pinnedHandler(hours('Pier', 'es_US')))).toMatch(
        /^Horario de nuestra tienda Pier, en 1 Pier Road/,
      );
      // A locale the store has no name for (and no catalogue of its own) hears the canonical name.
      expect(textOf(await fixture.pinnedHandler(hours('Harbor', 'fr_CA')))).toMatch(
        /^Hours for our Harbor store/,
      );
    } finally {
      for (const storeId of ['harbor', 'pier'])
        await fixture.documents.send(new DeleteCommand({ TableName: 'parley-stores', Key: { storeId } }));
    }
  });

  it('delegates on a dialog hook call (nothing to validate)', async () => {
    const result = await fixture.pinnedHandler(lexEvent({ intent: 'StoreHours', source: 'DialogCodeHook' }));
    expect(result.sessionState.dialogAction.type).toBe('Delegate');
  });

  it('says it has no hours when the table is empty', async () => {
    const names = ['downtown', 'airport', 'riverside-mall', 'northgate'];
    const saved = await Promise.all(
      names.map(async (storeId) => {
        const { Attributes } = await fixture.documents.send(
          new DeleteCommand({ TableName: 'parley-stores', Key: { storeId }, ReturnValues: 'ALL_OLD' }),
        );
        return Attributes;
      }),
    );
    try {
      expect(textOf(await fixture.pinnedHandler(hours(undefined)))).toContain(
        "I don't have our store hours right now",
      );
      expect(textOf(await fixture.pinnedHandler(hours('Downtown')))).toContain(
        "I don't have our store hours right now",
      );
    } finally {
      for (const item of saved)
        await fixture.documents.send(new PutCommand({ TableName: 'parley-stores', Item: item }));
    }
  });
});
