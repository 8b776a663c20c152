import type { LexV2Event, LexV2ResultIntent, LexV2Slot } from './lex-event';
import { CORRECTION_CUES } from '../shared/correction-cues';
import { saysAnyOf } from '../shared/plain-words';

/**
 * A correction of a value given earlier. Lex does not overwrite a filled slot, but it reports the values it
 * read in the words (`transcriptions[0].resolvedSlots`); a different value for a filled slot replaces it,
 * before the intent checks its slots as on any turn:
 * - while Lex asks for another slot, when the words say they change something ("actually, make it Friday"
 *   when the time is asked); the slot being asked for is Lex's to fill;
 * - in answer to "shall I go ahead?", where a "no" that names another value ("no, it's jane@example.com") is
 *   that value, and the intent is confirmed again rather than dropped.
 */
export function withCorrections(event: LexV2Event, intent: LexV2ResultIntent): LexV2ResultIntent {
  if (event.invocationSource !== 'DialogCodeHook') return intent;
  const denied = intent.confirmationState === 'Denied';
  if (!denied && !soundsLikeCorrection(event)) return intent;
  const asked = event.proposedNextState?.dialogAction.slotToElicit;
  const resolved = event.transcriptions?.[0]?.resolvedSlots ?? {};
  let slots = intent.slots;
  for (const [name, slot] of Object.entries(resolved)) {
    const given = valueOf(intent.slots[name]);
    const said = valueOf(slot);
    if (name === asked || !Object.hasOwn(intent.slots, name) || !given || !said || given === said) continue;
    slots = { ...slots, [name]: slot };
  }
  if (slots === intent.slots) return intent;
  return denied ? { ...intent, slots, confirmationState: 'None' } : { ...intent, slots };
}

/**
 * What a slot holds, for comparing: its interpreted value, or its readings when Lex could not settle on one
 * ("at four" is 04:00 or 16:00; the intent settles it as on any turn).
 */
function valueOf(slot: LexV2Slot | null | undefined): string | undefined {
  const value = slot?.value;
  return (
    value?.interpretedValue ?? (value?.resolvedValues?.length ? value.resolvedValues.join('|') : undefined)
  );
}

function soundsLikeCorrection(event: LexV2Event): boolean {
  return saysAnyOf(event.inputTranscript, CORRECTION_CUES[event.bot.localeId] ?? []);
}
