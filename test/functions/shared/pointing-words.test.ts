import fc from 'fast-check';
import { pointsBack } from '../../../functions/shared/pointing-words';

describe('pointsBack', () => {
  it('hears a word that stands for what was just said or asked', () => {
    expect(pointsBack('where do I find that?', 'en_US')).toBe(true);
    expect(pointsBack('¿y dónde lo encuentro?', 'es_US')).toBe(true);
    expect(pointsBack('¿los puedo devolver?', 'es_US')).toBe(true);
    expect(pointsBack('¿las aceptan?', 'es_US')).toBe(true);
  });

  it('does not take a Spanish plural article before its noun for one', () => {
    expect(pointsBack('olvídelo, ¿cómo funcionan las devoluciones?', 'es_US')).toBe(false);
    expect(pointsBack('¿abren los domingos?', 'es_US')).toBe(false);
    expect(pointsBack('how do returns work?', 'en_US')).toBe(false);
  });

  it('never throws, whatever the text or locale', () => {
    fc.assert(
      fc.property(fc.string(), fc.constantFrom('en_US', 'es_US', 'xx_XX', ''), (text, localeId) => {
        expect(typeof pointsBack(text, localeId)).toBe('boolean');
      }),
    );
  });
});
