import { evaluateHeldOut, type HeldOutReport } from '../../../../local/lex/nlu/evaluate';

/**
 * The real sample bot against its held-out paraphrases (test/fixtures/nlu/), with the threshold applied as the
 * dialog engine applies it. Out-of-domain items count as right only when they fall back.
 */
describe('held-out accuracy of RetailSupportBot', () => {
  let report: HeldOutReport;

  beforeAll(async () => {
    report = await evaluateHeldOut({ now: () => new Date('2026-11-26T12:00:00Z') });
  });

  it('evaluates every locale of the bot', () => {
    expect(report.locales.map((locale) => locale.localeId)).toEqual(['en_US', 'es_US']);
  });

  it.each(['en_US', 'es_US'])('%s: top-1 accuracy is at least 90%%', (localeId) => {
    const locale = report.locales.find((entry) => entry.localeId === localeId);
    expect(locale?.n).toBeGreaterThan(100);
    expect(locale?.accuracy).toBeGreaterThanOrEqual(0.9);
  });

  it.each(['en_US', 'es_US'])('%s: expected slot values are extracted', (localeId) => {
    const locale = report.locales.find((entry) => entry.localeId === localeId);
    expect(locale?.slots.values).toBeGreaterThan(20);
    expect(locale?.slots.accuracy).toBeGreaterThanOrEqual(0.9);
  });
});
