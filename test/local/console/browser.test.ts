/**
 * The console in a real browser: Debian's Chromium driven by playwright-core (no browser download). Skipped
 * with the reason where Chromium is not installed; CI installs it and requires it (PARLEY_REQUIRE_BROWSER=1).
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { parse } from 'yaml';
import { ConversationTestSchema } from '../../../local/conversation-tests/format';
import { describeWithAsr } from '../../support/asr';
import { useLocalStack } from '../../support/local-stack';

jest.setTimeout(60_000);

const CHROMIUM = process.env.PARLEY_CHROMIUM ?? '/usr/bin/chromium';
const missing = existsSync(CHROMIUM)
  ? undefined
  : `${CHROMIUM} is not installed (Debian: sudo apt-get install chromium; or set PARLEY_CHROMIUM)`;
if (missing && process.env.PARLEY_REQUIRE_BROWSER === '1') {
  throw new Error(`PARLEY_REQUIRE_BROWSER=1 but ${missing}`);
}
if (missing) console.warn(`Skipping the console browser tests: ${missing}`);
const describeWithBrowser = missing ? describe.skip : describe;

describeWithBrowser('the console in Chromium', () => {
  const fixture = useLocalStack();
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox'] });
  });
  afterAll(() => browser.close());
  beforeEach(async () => {
    page = await browser.newPage();
    await page.goto(`${fixture.stack.endpoint}/`);
  });
  afterEach(() => page.close());

  async function say(text: string): Promise<void> {
    const count = await page.locator('#turns li.bot').count();
    await page.fill('#text', text);
    await page.press('#text', 'Enter');
    await page.locator('#turns li.bot').nth(count).waitFor();
  }

  it('chats and inspects each turn: intent, alternatives, slots and latency', async () => {
    await say('where is my order');
    await say('10001');
    const inspector = page.locator('#inspector');
    await expect(inspector.textContent()).resolves.toContain('CheckOrderStatus (Fulfilled)');
    await expect(inspector.textContent()).resolves.toMatch(/OrderNumber\s*10001/);
    await expect(page.locator('#latency').textContent()).resolves.toContain('round trip');
    await page.locator('details.hook-call summary').first().click();
    await expect(page.locator('details.hook-call pre').first().textContent()).resolves.toContain(
      '"invocationSource"',
    );
    await page.locator('#turns li.bot').first().click();
    await expect(inspector.textContent()).resolves.toContain('next: ElicitSlot OrderNumber');
    expect(await page.locator('#interpretations tr').count()).toBeGreaterThan(1);
  });

  it('calls on the phone channel: keys from the keypad, the reply spoken and playable', async () => {
    await page.selectOption('#channel', 'phone');
    await say('where is my order');
    for (const key of ['1', '0', '0', '0', '1', '#'])
      await page.click(`#keypad .keys button:text-is("${key}")`);
    const count = await page.locator('#turns li.bot').count();
    await page.click('#send-keys');
    await page.locator('#turns li.bot').nth(count).waitFor();
    await expect(page.locator('#turns li.bot').last().textContent()).resolves.toContain('10001');
    await expect(page.locator('#turns li.user').last().textContent()).resolves.toBe('(pressed 10001#)');
    expect(await page.locator('#player').getAttribute('src')).toMatch(/^data:audio\/mpeg;base64,/);
  });

  it('shows why an FAQ answer matched, and exports the conversation as a YAML test', async () => {
    await page.selectOption('#locale', 'en_US');
    await say('do you price match?');
    await expect(page.locator('#passages').textContent()).resolves.toContain('price-match#1');
    await page.click('#export');
    const yaml = await page.locator('#yaml').textContent();
    expect(yaml).toContain('user: "do you price match?"');
    expect(yaml).toContain('"articles":["price-match"]');
    // What the console exports is a conversation test as it stands.
    expect(ConversationTestSchema.safeParse(parse(yaml ?? '')).success).toBe(true);
  });

  it('shows FAQ owners the unanswered questions and why a question finds its article', async () => {
    await say('can you recommend a good pizza place nearby?');
    await page.click('#show-knowledge');
    await page.locator('#gaps tr td').first().waitFor();
    await expect(page.locator('#gaps').textContent()).resolves.toContain('pizza place');
    await page.fill('#explain-question', 'is there a fee to pick up in store');
    await page.press('#explain-question', 'Enter');
    await page.locator('#explained-passages tr').first().waitFor();
    await expect(page.locator('#explained-passages').textContent()).resolves.toContain('store-pickup');
  });
});

const describeWithSpeech = missing ? describe.skip : describeWithAsr("the console's push-to-talk test");

describeWithSpeech('push-to-talk in Chromium, the microphone fed from a WAV file', () => {
  const fixture = useLocalStack();
  let browser: Browser;

  beforeAll(async () => {
    const wav = path.resolve(__dirname, '../../conversations/audio/return-policy-question.wav');
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: [
        '--no-sandbox',
        '--use-fake-ui-for-media-stream',
        '--use-fake-device-for-media-stream',
        `--use-file-for-fake-audio-capture=${wav}`,
      ],
    });
  });
  afterAll(() => browser.close());

  it('records while the button is held, and the bot hears and answers the question', async () => {
    const page = await browser.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    try {
      await page.goto(`${fixture.stack.endpoint}/`);
      await page.selectOption('#channel', 'phone');
      const talk = page.locator('#talk');
      await talk.dispatchEvent('pointerdown');
      await page.locator('#talk', { hasText: 'Listening' }).waitFor({ timeout: 10_000 });
      // The fake microphone plays the recording (about 2 s) in a loop; a little more than one pass is enough.
      await page.waitForTimeout(2500);
      await talk.dispatchEvent('pointerup');
      await page.locator('#turns li.bot').first().waitFor({ timeout: 30_000 });
      await expect(page.locator('#turns li.user').first().textContent()).resolves.toMatch(/\(said\).*return/);
      await expect(page.locator('#inspector').textContent()).resolves.toContain('return-policy');
      expect(errors).toEqual([]);
    } finally {
      await page.close();
    }
  });
});
