export { createLexHttpService, type LexHttpServiceOptions } from './service';
export type { LexSpeech, SpeechRecognizer } from './speech';
