/** "open" invites explanation; "closed" asks for yes/no or a pick from offered options. */
export type QuestionKind = "open" | "closed";

/** A question sentence found in an utterance. */
export interface DetectedQuestion {
  /** The sentence exactly as it stands in the utterance (trimmed). */
  text: string;
  kind: QuestionKind;
}

/** What the detector may know about where an utterance sits in the conversation. */
export interface QuestionContext {
  /** BCP-47-ish: "en", "ru", "es", "de", "fr", "pt", "pt-BR"…; any other language uses English rules. */
  language: string;
  /**
   * The previous utterance/turn of ANOTHER speaker, if any (helps spot backchannels and echo questions).
   * Leave it undefined when the utterance directly continues the same speaker: then a bare "Right?" or
   * "Don't you?" is a tag on the speaker's own words (closed), not a reaction (not counted).
   */
  previousText?: string;
  /**
   * The next utterance/turn of ANOTHER speaker, if any: a reply such as "yeah", "no" or "uh-huh" is
   * evidence that the last sentence asked (English model only). Undefined when the same speaker goes on.
   */
  nextText?: string;
}
