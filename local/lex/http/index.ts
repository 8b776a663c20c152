export { createLexHttpService, type LexHttpServiceOptions } from './service';
export type { LexSpeech, ListeningContext, SpeechRecognizer } from './speech';
