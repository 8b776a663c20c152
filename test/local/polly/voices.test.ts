import { VoiceId } from '@aws-sdk/client-polly';
import { describeVoices, espeakVoiceFor, VOICE_CATALOGUE } from '../../../local/polly/voices';

describe('voice catalogue', () => {
  it('holds real Polly voice ids, each with its own espeak-ng voice in its language', () => {
    const ids = Object.values(VoiceId) as string[];
    expect(VOICE_CATALOGUE.every((voice) => ids.includes(voice.id))).toBe(true);
    const espeakVoices = VOICE_CATALOGUE.map((voice) => espeakVoiceFor(voice, voice.languageCode));
    expect(new Set(espeakVoices).size).toBe(espeakVoices.length);
    expect(
      espeakVoices.every((voice, index) =>
        voice.startsWith(VOICE_CATALOGUE[index]?.languageCode === 'es-US' ? 'es-419+' : 'en-us+'),
      ),
    ).toBe(true);
  });

  it('filters by engine and language like DescribeVoices', () => {
    const ids = (filter: Parameters<typeof describeVoices>[0]) =>
      describeVoices(filter).map((voice) => voice.Id);
    expect(ids({ engine: 'long-form' })).toEqual(['Danielle', 'Gregory', 'Ruth']);
    expect(ids({ languageCode: 'es-US' })).toEqual(['Lupe', 'Penelope', 'Miguel', 'Pedro']);
    expect(ids({ languageCode: 'es-US', engine: 'neural' })).toEqual(['Lupe', 'Pedro']);
    expect(ids({ engine: 'standard' })).not.toContain('Kevin');
    expect(ids({ languageCode: 'en-GB' })).toEqual([]);
    expect(ids({}).length).toBe(VOICE_CATALOGUE.length);
  });

  it('describes a voice with the members of the Voice shape', () => {
    expect(describeVoices({ languageCode: 'es-US', engine: 'standard' })[1]).toEqual({
      Gender: 'Female',
      Id: 'Penelope',
      LanguageCode: 'es-US',
      LanguageName: 'US Spanish',
      Name: 'Penélope',
      SupportedEngines: ['standard'],
    });
  });
});
