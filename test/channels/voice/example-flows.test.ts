import { readFileSync } from 'node:fs';
import { buildContactFlow } from '../../../channels/voice/contact-flow';
import { EXAMPLE_FLOWS } from '../../../channels/voice/example-parameters';
import { LINE_LOCALES } from '../../../channels/voice/line-locales';

describe.each(LINE_LOCALES)('the checked-in %s example flow', (localeId) => {
  it('is exactly what the builder renders (re-run `npx tsx channels/voice/render-contact-flow.ts`)', () => {
    const { file, options } = EXAMPLE_FLOWS[localeId];
    const checkedIn: unknown = JSON.parse(readFileSync(file, 'utf8'));
    expect(checkedIn).toEqual(buildContactFlow(options));
  });
});
