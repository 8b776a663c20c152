import fc from 'fast-check';
import { elapsedIn, fallsIn, windowIn } from '../../../../local/bedrock/composer/durations';

const HOUR = 60;
const DAY = 24 * HOUR;

describe('how long ago, and the windows passages give', () => {
  it.each([
    ['es', 'compré una licuadora hace como tres meses y ya no prende', 90 * DAY, false],
    ['es', 'se me descompuso a los 4 meses de comprarla', 120 * DAY, false],
    ['es', 'la compré la semana pasada', 7 * DAY, false],
    ['es', '¿y si ya pasó más de una hora?', HOUR, true],
    ['es', 'lo hice hace como 20 min', 20, false],
    ['es', 'se me descompuso la licuadora, ya tiene 3 meses q la compré', 90 * DAY, false],
    ['es', 'la tele ya lleva dos semanas sin prender', 14 * DAY, false],
    ['en', 'I bought it two weeks ago', 14 * DAY, false],
    ['en', 'it stopped working after a couple of months', 60 * DAY, false],
    ['en', 'I ordered it yesterday', DAY, false],
  ] as const)('%s: "%s" happened %d minutes ago', (language, text, minutes, beyond) => {
    expect(elapsedIn(text, language)).toMatchObject({ minutes, beyond });
  });

  it('gives the words that said how long ago, so they are not taken for the topic', () => {
    expect(elapsedIn('¿y si ya pasaron como tres horas?', 'es')?.words).toEqual([
      'ya',
      'pasaron',
      'como',
      'tres',
      'horas',
    ]);
  });

  it('finds no time in a question that says none, or a length that is not how long ago', () => {
    expect(elapsedIn('¿cuánto tarda el envío a México?', 'es')).toBeUndefined();
    expect(elapsedIn('¿el plan dura 2 o 3 años?', 'es')).toBeUndefined();
    expect(elapsedIn('how long is the warranty?', 'en')).toBeUndefined();
  });

  it('reads the window a sentence gives, within or after', () => {
    expect(windowIn('Puede devolver la mayoría de los artículos en un plazo de 30 días.', 'es')).toEqual({
      minutes: 30 * DAY,
      side: 'within',
    });
    expect(windowIn('Después de 30 días, los defectos los cubre la garantía del fabricante.', 'es')).toEqual({
      minutes: 30 * DAY,
      side: 'after',
    });
    expect(windowIn('You can cancel an order within 60 minutes of placing it.', 'en')).toEqual({
      minutes: HOUR,
      side: 'within',
    });
    // The lowest price "in the last 30 days" is no window to act in.
    expect(windowIn('el precio más bajo del artículo en los últimos 30 días', 'es')).toBeUndefined();
  });

  it('puts a time at the edge of a window inside it, unless the customer says more than that', () => {
    const withinAnHour = windowIn('en los 60 minutos siguientes', 'es');
    const afterAnHour = windowIn('después de 60 minutos', 'es');
    const moreThanAnHour = elapsedIn('ya pasó más de una hora', 'es');
    const anHour = elapsedIn('hace una hora', 'es');
    if (!withinAnHour || !afterAnHour || !moreThanAnHour || !anHour) throw new Error('not read');
    expect(fallsIn(anHour, withinAnHour)).toBe(true);
    expect(fallsIn(moreThanAnHour, withinAnHour)).toBe(false);
    expect(fallsIn(moreThanAnHour, afterAnHour)).toBe(true);
    expect(fallsIn({ minutes: 20, beyond: false, words: [] }, afterAnHour)).toBe(false);
  });

  it('never throws, whatever the text', () => {
    fc.assert(
      fc.property(fc.string(), fc.constantFrom('es' as const, 'en' as const), (text, language) => {
        const elapsed = elapsedIn(text, language);
        const window = windowIn(text, language);
        if (elapsed) expect(elapsed.minutes).toBeGreaterThan(0);
        if (window) expect(window.minutes).toBeGreaterThan(0);
      }),
    );
  });
});
