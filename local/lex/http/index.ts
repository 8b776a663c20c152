export { createLexHttpService, type LexHttpServiceOptions } from './service';
