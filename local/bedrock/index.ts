export { createBedrockHttpService, type BedrockHttpServiceOptions } from './service';
export { createLocalComposerEngine, LOCAL_COMPOSER_MODEL_ID } from './composer';
export { createEngineFromEnvironment } from './environment';
export { createOpenAiEngine, type OpenAiEngineOptions } from './openai-engine';
export { FaultInjector, type Fault, type FaultMode, type FaultSpec, type FaultState } from './faults';
export { BedrockServiceError } from './errors';
export type { ConverseEngine, ConverseOutput, ParsedConverseRequest } from './engine';
