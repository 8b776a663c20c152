import { z } from 'zod';
import { createLocalComposerEngine } from './composer';
import type { ConverseEngine } from './engine';
import { createOpenAiEngine } from './openai-engine';
import { issueList } from '../../functions/shared/zod-issues';

/** Empty means unset, as a variable blanked in a .env file or a shell usually intends. */
const optionalSetting = z
  .string()
  .optional()
  .transform((value) => (value === undefined || value.trim() === '' ? undefined : value.trim()));

const environmentSchema = z.object({
  PARLEY_LOCAL_LLM_URL: optionalSetting.pipe(
    z.url({ protocol: /^https?$/, error: 'must be an http:// or https:// URL' }).optional(),
  ),
  PARLEY_LOCAL_LLM_MODEL: optionalSetting,
  PARLEY_LOCAL_LLM_API_KEY: optionalSetting,
});

/**
 * The local composer, unless PARLEY_LOCAL_LLM_URL and PARLEY_LOCAL_LLM_MODEL name an OpenAI-compatible
 * server and model to forward to. Half a configuration, or a URL that is not http(s), is a startup error
 * that says which variable to fix.
 */
export function createEngineFromEnvironment(env: NodeJS.ProcessEnv = process.env): ConverseEngine {
  const parsed = environmentSchema.safeParse(env);
  if (!parsed.success) {
    throw new Error(`Invalid local LLM settings: ${issueList(parsed.error.issues)}`);
  }
  const {
    PARLEY_LOCAL_LLM_URL: url,
    PARLEY_LOCAL_LLM_MODEL: model,
    PARLEY_LOCAL_LLM_API_KEY: apiKey,
  } = parsed.data;
  if (url === undefined && model === undefined) return createLocalComposerEngine();
  if (url === undefined || model === undefined) {
    const missing = url === undefined ? 'PARLEY_LOCAL_LLM_URL' : 'PARLEY_LOCAL_LLM_MODEL';
    throw new Error(
      `${missing} is not set: set both PARLEY_LOCAL_LLM_URL and PARLEY_LOCAL_LLM_MODEL to use a local LLM, or neither for the local composer`,
    );
  }
  return createOpenAiEngine({ url, model, ...(apiKey ? { apiKey } : {}) });
}
