import type { BotLocale } from '../../../bot-definitions/loader/schema';
import { createAlphaNumericResolver } from './alphanumeric';
import { createConfirmationResolver } from './confirmation';
import { createCustomSlotTypeResolver } from './custom';
import { createDateResolver } from './date';
import { createEmailResolver } from './email';
import { createFreeFormResolver } from './free-form';
import type { LanguageTables } from './lang/types';
import { languageOf, tablesFor, type Language } from './language';
import { createNumberResolver } from './number';
import { createPhoneResolver } from './phone';
import { createTimeResolver } from './time';
import type { ResolverContext, SlotTypeResolver } from './types';

type BuiltInFactory = (
  tables: LanguageTables,
  language: Language,
  context: ResolverContext,
) => SlotTypeResolver;

const BUILT_INS = new Map<string, BuiltInFactory>([
  [
    'AMAZON.AlphaNumeric',
    (tables) => createAlphaNumericResolver(tables, { slotTypeName: 'AMAZON.AlphaNumeric' }),
  ],
  ['AMAZON.Confirmation', (tables) => createConfirmationResolver(tables)],
  ['AMAZON.Date', (tables, language, context) => createDateResolver(tables, language, context)],
  ['AMAZON.EmailAddress', (tables) => createEmailResolver(tables)],
  ['AMAZON.FreeFormInput', () => createFreeFormResolver()],
  ['AMAZON.Number', (tables) => createNumberResolver(tables)],
  ['AMAZON.PhoneNumber', (tables) => createPhoneResolver(tables)],
  ['AMAZON.Time', (tables) => createTimeResolver(tables)],
]);

/** The AMAZON.* slot types the emulator resolves. */
export const BUILT_IN_RESOLVERS: ReadonlySet<string> = new Set(BUILT_INS.keys());

/**
 * The resolver for a slot type of `locale`: a built-in from BUILT_IN_RESOLVERS or one of `locale.SlotTypes`.
 * Word tables follow `context.localeId`: Spanish for `es_*`, English otherwise.
 */
export function createSlotTypeResolver(
  slotTypeName: string,
  locale: BotLocale,
  context: ResolverContext,
): SlotTypeResolver {
  const language = languageOf(context.localeId);
  const tables = tablesFor(language);
  const builtIn = BUILT_INS.get(slotTypeName);
  if (builtIn) return builtIn(tables, language, context);
  const custom = locale.SlotTypes?.find((slotType) => slotType.Name === slotTypeName);
  if (custom === undefined) throw new Error(`unsupported slot type "${slotTypeName}"`);
  return createCustomSlotTypeResolver(custom, tables, language);
}
