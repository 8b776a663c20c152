import { DeleteCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
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

describe('StoreHours', () => {
  it('gives one store its hours and address, grouping days with the same hours', async () => {
    const result = await fixture.pinnedHandler(hours('Downtown'));
    expect(result.sessionState.intent?.state).toBe('Fulfilled');
    expect(textOf(result)).toBe(
      'Hours for our Downtown store, at 120 Main Street: Monday to Friday, 9 AM to 9 PM; ' +
        'Saturday, 10 AM to 8 PM; Sunday, 11 AM to 6 PM.',
    );
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

  it('answers in Spanish with Spanish day names and store names', async () => {
    const text = textOf(await fixture.pinnedHandler(hours('Downtown', 'es_US')));
    expect(text).toBe(
      'Horario de nuestra tienda Centro (Downtown), en 120 Main Street: de lunes a viernes, de 9 a.m. a 9 p.m.; ' +
        'sábado, de 10 a.m. a 8 p.m.; domingo, de 11 a.m. a 6 p.m.',
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

  it('summarises every store in Spanish', async () => {
    const text = textOf(await fixture.pinnedHandler(hours(undefined, 'es_US')));
    expect(text).toContain(
      'Este es el horario de nuestras tiendas. Aeropuerto (Airport): todos los días, de 5 a.m. a 11 p.m.',
    );
  });

  it('lists the known stores when asked about one it has no data for', async () => {
    const text = textOf(await fixture.pinnedHandler(hours('Harbor')));
    expect(text).toBe(
      "I don't have hours for that store. Our stores are Airport, Downtown, Northgate, and Riverside Mall.",
    );
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
