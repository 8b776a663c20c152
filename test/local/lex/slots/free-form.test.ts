import fc from 'fast-check';
import { resolverFor } from './helpers';

describe.each(['en_US', 'es_US'])('AMAZON.FreeFormInput (%s)', (localeId) => {
  const freeForm = resolverFor('AMAZON.FreeFormInput', localeId);

  it('returns the whole answer, trimmed, lead-ins included', () => {
    expect(freeForm.resolve("  it's that my parcel never came, please help  ")).toEqual({
      originalValue: "it's that my parcel never came, please help",
      interpretedValue: "it's that my parcel never came, please help",
      resolvedValues: ["it's that my parcel never came, please help"],
    });
  });

  it('resolves nothing from a blank answer', () => {
    expect(freeForm.resolve(' \t ')).toBeUndefined();
  });

  it('is never found inside other utterances', () => {
    fc.assert(fc.property(fc.string(), (utterance) => expect(freeForm.find(utterance)).toEqual([])));
  });
});
