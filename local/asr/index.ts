export {
  asrAvailability,
  AsrUnavailableError,
  PocketsphinxRecognizer,
  type AsrAvailability,
  type PocketsphinxOptions,
} from './pocketsphinx';
