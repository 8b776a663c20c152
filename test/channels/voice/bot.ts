import { loadBot, type LoadedBot } from '../../../bot-definitions/loader/load';
import { EXAMPLE_BOT_DIRECTORY } from '../../../channels/voice/example-parameters';

let retailBot: Promise<LoadedBot> | undefined;

/** The repository's RetailSupportBot, loaded once per test file. */
export function loadRetailBot(): Promise<LoadedBot> {
  retailBot ??= loadBot(EXAMPLE_BOT_DIRECTORY);
  return retailBot;
}
