/**
 * The offline call loop: caller sentences spoken by the local Polly, sent as 16 kHz audio through
 * RecognizeUtterance (ASR by pocketsphinx), answered by the real code hook, spoken back through Polly.
 * Nothing here is replaced: this is the phone line minus the telephone network.
 */
import { PollyClient } from '@aws-sdk/client-polly';
import { toPlainSpeechText } from '../../../functions/voice/ssml';
import { durationMs } from '../../../local/audio/pcm';
import { placeCall, type CallTurn } from '../../../local/call/place-call';
import type { CallStep } from '../../../local/call/steps';
import { describeWithAsr } from '../../support/asr';
import { ALIAS_ID, BOT_ID, useLocalStack } from '../../support/local-stack';

jest.setTimeout(120_000);

const say = (text: string): CallStep => ({ kind: 'say', text });
const keys = (pressed: string): CallStep => ({ kind: 'dtmf', keys: pressed });
const silence = (ms: number): CallStep => ({ kind: 'silence', ms });

const spoken = (turn: CallTurn | undefined): string => (turn?.botText ?? []).map(toPlainSpeechText).join(' ');

describeWithAsr('the spoken call loop')('a phone call, offline, from audio to audio', () => {
  const fixture = useLocalStack();
  let sessions = 0;

  const call = async (steps: CallStep[], localeId = 'en_US'): Promise<CallTurn[]> => {
    const polly = new PollyClient({ endpoint: fixture.stack.endpoint });
    try {
      return await placeCall(steps, {
        lex: fixture.client,
        polly,
        botId: BOT_ID,
        botAliasId: ALIAS_ID,
        localeId,
        sessionId: `call-loop-${(sessions += 1)}`,
        callerNumber: '+15095551212',
      });
    } finally {
      polly.destroy();
    }
  };

  it('order status: asked by voice, the order number keyed in, the answer spoken as SSML', async () => {
    const [ask, answer] = await call([say('where is my order'), keys('10001#')]);
    expect(ask).toMatchObject({
      inputMode: 'Speech',
      transcript: 'where is my order',
      intent: 'CheckOrderStatus',
    });
    expect(spoken(ask)).toMatch(/order number/i);
    expect(durationMs(ask!.botAudio)).toBeGreaterThan(1000);
    expect(answer).toMatchObject({
      inputMode: 'DTMF',
      transcript: '10001',
      intent: 'CheckOrderStatus',
      intentState: 'Fulfilled',
      slots: { OrderNumber: '10001' },
    });
    expect(answer?.botText[0]).toMatch(/^<speak>.*<say-as interpret-as="digits">10001<\/say-as>/);
    expect(spoken(answer)).toMatch(/shipped/);
    expect(durationMs(answer!.botAudio)).toBeGreaterThan(2000);
  });

  it('a correction on the keypad: the deletion key starts the number again', async () => {
    const [, answer] = await call([say('where is my order'), keys('100*10003#')]);
    expect(answer).toMatchObject({ inputMode: 'DTMF', transcript: '10003', slots: { OrderNumber: '10003' } });
    expect(spoken(answer)).toMatch(/delivered/i);
  });

  it('store hours', async () => {
    const [turn] = await call([say('what are your store hours')]);
    expect(turn).toMatchObject({ transcript: 'what are your store hours', intent: 'StoreHours' });
    expect(durationMs(turn!.botAudio)).toBeGreaterThan(1000);
  });

  it('an FAQ question answered from the knowledge base, spoken', async () => {
    const [turn] = await call([say('what is your return policy')]);
    expect(turn).toMatchObject({ transcript: 'what is your return policy', intent: 'FallbackIntent' });
    expect(spoken(turn)).toMatch(/return/i);
    expect(turn?.botText.every((text) => text.startsWith('<speak>'))).toBe(true);
  });

  it('asking for a person ends the bot part of the call with a transfer', async () => {
    const turns = await call([say('talk to an agent'), say('where is my order')]);
    expect(turns).toHaveLength(1);
    expect(turns[0]).toMatchObject({ intent: 'TalkToAgent', ended: 'transferred to an agent' });
  });

  it('a goodbye ends the call', async () => {
    const turns = await call([say('no thats all'), say('where is my order')]);
    expect(turns).toHaveLength(1);
    expect(turns[0]).toMatchObject({ intent: 'EndConversation', ended: 'ended by the bot' });
  });

  it('three silences: the bot asks again twice, then says goodbye and ends the call', async () => {
    const turns = await call([silence(1500), silence(1500), silence(1500), say('where is my order')]);
    expect(turns).toHaveLength(3);
    expect(turns.map((turn) => turn.transcript)).toEqual(['', '', '']);
    expect(spoken(turns[0])).toMatch(/didn.t hear anything/i);
    expect(turns[2]?.ended).toBe('ended by the bot');
  });
});

describe('a phone call in a locale without an acoustic model', () => {
  const fixture = useLocalStack();

  it('refuses Spanish speech with the reason, and still takes keypad input', async () => {
    const polly = new PollyClient({ endpoint: fixture.stack.endpoint });
    const options = {
      lex: fixture.client,
      polly,
      botId: BOT_ID,
      botAliasId: ALIAS_ID,
      localeId: 'es_US',
      sessionId: 'llamada-1',
    };
    try {
      await expect(placeCall([say('dónde está mi pedido')], options)).rejects.toMatchObject({
        name: 'DependencyFailedException',
        message: expect.stringMatching(/es_US/),
      });
      const [turn] = await placeCall([keys('10001#')], options);
      expect(turn).toMatchObject({ inputMode: 'DTMF', transcript: '10001' });
    } finally {
      polly.destroy();
    }
  });
});
