import type { LocaleAccuracy } from './accuracy';

const TOP_CONFUSIONS = 5;

export function percent(value: number): string {
  return `${(value * 100).toFixed(1)}%`;
}

/**
 * A plain-text table per locale, for people. The confusions name no held-out sentence unless `examples` asks
 * for them: a figure read every day should not teach anyone the test.
 */
export function formatAccuracyTable(locale: LocaleAccuracy, { examples = false } = {}): string {
  const nameWidth = Math.max('intent'.length, ...locale.perIntent.map((row) => row.intent.length));
  const lines = [
    `${locale.localeId}: ${locale.n} held-out items, NluConfidenceThreshold ${locale.threshold.toFixed(2)}`,
    `  ${'intent'.padEnd(nameWidth)}  ${'n'.padStart(4)}  ${'correct'.padStart(7)}  ${'accuracy'.padStart(8)}`,
    ...locale.perIntent.map(
      (row) =>
        `  ${row.intent.padEnd(nameWidth)}  ${String(row.n).padStart(4)}  ${String(row.correct).padStart(7)}  ${percent(row.accuracy).padStart(8)}`,
    ),
    `  overall top-1 accuracy: ${percent(locale.accuracy)} (${locale.correct}/${locale.n})`,
    `  out-of-domain fallback rate: ${percent(locale.outOfDomain.rate)} (${locale.outOfDomain.fellBack}/${locale.outOfDomain.n})`,
    `  slot values: ${percent(locale.slots.accuracy)} (${locale.slots.valuesCorrect}/${locale.slots.values} values; ` +
      `${locale.slots.itemsAllCorrect}/${locale.slots.items} items fully right)`,
  ];
  const confusions = locale.confusions.slice(0, TOP_CONFUSIONS);
  if (confusions.length > 0) {
    lines.push('  top confusions (expected -> predicted):');
    for (const confusion of confusions) {
      const example = examples ? `, e.g. "${confusion.examples[0] ?? ''}"` : '';
      lines.push(`    ${confusion.expected} -> ${confusion.predicted}: ${confusion.count}${example}`);
    }
  }
  return lines.join('\n');
}
