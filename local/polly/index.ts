export { createPollyHttpService, type PollyHttpService, type PollyHttpServiceOptions } from './service';
export type { SpeechCacheStats } from './speech-cache';
export { PollyServiceError } from './errors';
export { VOICE_CATALOGUE, type CatalogueVoice } from './voices';
