/**
 * English words the playbook rules leave out when comparing content words (example similarity):
 * function words, fillers and verbs too common to tell one topic from another. Lower case,
 * apostrophes as "'", "ё" as "е" (the form `words` in src/text gives).
 */
export const STOP_WORDS: readonly string[] = `
  a an the and or but if so of to in on at by for with from as is are was were be been being am do
  does did doing have has had having i me my we our us you your he she it its they them their this
  that these those there here what which who whom whose when where why how can could would should will
  shall may might must just really very about into over then than too also any some all each more most
  other such only own same not no yes yeah okay ok oh um uh like well get got go going let lets let's
  im i'm youre you're it's its dont don't there's thats that's one would've kind sort bit lot thing
  things something anything say says said saying tell told think know want wants need needs make makes
  take takes look looks see go goes come much many way still even maybe right now today time times
  sure great good every`
  .trim()
  .split(/\s+/);
