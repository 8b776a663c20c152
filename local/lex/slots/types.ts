/** A resolved slot value, in the shape Lex V2 puts under `slots.<Name>.value`. */
export interface SlotValue {
  originalValue: string;
  /** Null only for built-ins that Lex leaves ambiguous (AMAZON.Time "at 10" gives 10:00 and 22:00). */
  interpretedValue: string | null;
  resolvedValues: string[];
}

/** A value found inside a longer utterance; `start`/`end` index into the utterance string as given. */
export interface SlotMatch extends SlotValue {
  start: number;
  end: number;
}

export interface SlotTypeResolver {
  /** The slot type this resolves (custom name or `AMAZON.*`). */
  readonly slotTypeName: string;
  /** Reads the whole input as one value of this type, as when the slot is being elicited. */
  resolve(input: string): SlotValue | undefined;
  /** Finds values of this type inside a longer utterance, in order of position, without overlaps. */
  find(utterance: string): SlotMatch[];
}

export interface ResolverContext {
  /** Lex locale id, e.g. `en_US` or `es_US`. */
  localeId: string;
  /** Injected so date/time resolution is deterministic in tests. */
  now: () => Date;
}
