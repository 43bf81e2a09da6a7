/**
 * Russian question rules. Russian marks yes/no questions mostly by intonation, so without "?" only
 * lexical cues survive ASR: question words (что, как, почему…), the particle "ли", tags ("…, да?",
 * "не так ли"), requests ("расскажите…") and a few sales-call openers ("а вы…", "у вас есть…").
 * With "?" any remaining sentence is a (declarative) yes/no question. Hand-written; no data mined.
 */
import { chunks, dedupe, hasQuestionMark, type Token, words } from "../../text/words.js";
import type { QuestionKind } from "./types.js";

const set = (s: string): ReadonlySet<string> => new Set(s.trim().split(/\s+/));

// Discourse markers and hesitations before the question proper ("ну а вот скажите, …").
const LEADING = set(`ну а и так вот слушайте слушай кстати ладно хорошо окей ок э ээ эээ эм мм ммм м
  значит итак да нет понятно ясно отлично смотрите смотри просто тогда еще также пожалуйста угу ага
  супер класс отлично замечательно прекрасно спасибо вообще`);
const LEADING_PAIRS = set(`то_есть так_вот а_вот ну_вот а_скажите ну_скажите скажите_пожалуйста
  подскажите_пожалуйста в_общем кстати_говоря`);
// "скажите" / "подскажите" announce a question; the real clause follows them.
const ANNOUNCE = set(`скажите скажи подскажите подскажи уточните уточни`);

const WH = set(`что чего чему чем как почему зачем где когда кто кого кому кем ком какой какая какое
  какие какого какому каким какими какую каком каких сколько скольких скольким куда откуда каков
  какова каково каковы чей чья чье чьи чьего чьей чьих чьим насколько отчего`);
const RELATIVE = set(`который которая которое которые которого которую котором которых которым`);
const PREP = set(`в во на с со о об обо по для за из к ко от у при до про через над под между без`);

// Explanation requests (imperatives and modal forms); "покажите, как…" counts as well.
const REQUEST_RE =
  /^(?:(?:не )?(?:могли бы|можете|можешь|могли|сможете|не могли бы) (?:вы |ты )?(?:мне |нам )?(?:пожалуйста )?)?(?:рассказать|расскажите|расскажи|описать|опишите|опиши|объяснить|объясните|объясни|пояснить|поясните|поясни|поделиться|поделитесь|поделись|разъяснить|разъясните|провести (?:меня|нас)|проведите (?:меня|нас)|показать как|покажите как|покажи как|раскрыть|раскройте)(?:\s|$)/;
const ASKING_RE =
  /^(?:(?:мне )?(?:интересно|хотелось бы|хочу|хотел бы|хотела бы|хотим) (?:узнать|понять|услышать|уточнить)?|мне интересно)(?:\s|$)/;
// Heads that make a yes/no request even without "?".
const YESNO_HEAD_RE =
  /^(?:не (?:могли бы|можете ли|подскажете|скажете|хотите ли|хотели бы)|можете ли|могли бы вы|можно ли|нельзя ли|есть ли|будет ли|правильно ли|верно ли|нужно ли|надо ли|стоит ли|хотите ли|планируете ли|рассматриваете ли|знаете ли|готовы ли|удобно ли|устраивает ли)(?:\s|$)/;
// "а вы…", "у вас есть…": openers that in a sales conversation are near-certainly questions.
const SALES_YESNO_RE =
  /^(?:у вас (?:уже )?(?:есть|был|была|было|были|стоит|работает|используется|имеется)|а (?:вы|ты|у вас|у тебя|ваш|ваша|ваше|ваши|вам|вас) )/;

const BACKCHANNEL_RE =
  /^(?:правда|серьезно|неужели|да ладно|да ну|вот как|разве|реально|понимаете|понимаешь|знаете|знаешь|видите|да вы что|да что вы|что вы говорите|вы серьезно|как так|правда что ли|что ли|вот это да|ничего себе|точно|верно|правильно|вы шутите|шутите|извините|простите|не понял|не поняла|алло|как|что|чего|а|ну|и|так|окей|ок|да|нет|ага|угу)$/;
const RHETORICAL_RE =
  /^(?:кто (?:знает|его знает|бы мог подумать|же спорит)|что (?:поделать|делать то|тут (?:поделаешь|скажешь)|ж|же делать то)|куда (?:деваться|денешься)|почему бы и нет|как говорится|что и требовалось доказать|как же иначе|а как же|как иначе|как же так|да кто ж его знает)$/;

// "или что-то такое", "или около того": no alternative is offered.
const VAGUE_OR_RE = /\bили (?:что-то|что-нибудь|около того|типа того|как-то так|так|еще что-то)(?:\s|$)/gu;
// Tags after a statement ("…, да?", "…, не так ли"); the weak ones only with "?" or after a comma.
const STRONG_TAG_RE = /(?:^|\s)(?:не так ли|не правда ли|так ведь|да ведь|ведь так|или нет|или как)$/;
const WEAK_TAGS = set(`да верно правда так правильно ага нет согласны согласитесь угу ок окей точно`);
// Embedding clauses: "не знаю, есть ли…" is a statement unless it carries "?".
const EMBED_RE =
  /(?:^|\s)(?:не знаю|не уверен|не уверена|неизвестно|не помню|сомневаюсь|непонятно|не понятно|не ясно|неясно|посмотрим|уточню|уточним|узнаю|узнаем|проверю|проверим|посмотрю|спрошу|спросим|выясню|выясним|подумаю|подумаем|решим|решу)(?:\s|$)/;
// Words after which a comma + "что/когда/где…" introduces a subordinate clause ("спасибо, что…").
const COMPLEMENT_TAKERS = set(`спасибо благодарю рад рада рады думаю думаем знаю знаем знаете понимаю понимаем
  сказал сказала сказали говорил говорила говорили уверен уверена уверены слышал слышала видел видела
  кажется важно жаль хорошо отлично здорово приятно удобно главное надеюсь считаю считаем помню
  забыл забыла заметил заметила понятно ясно`);

// "как" heads that are comparisons or parentheticals, not questions ("как я уже говорил").
const KAK_PARENTHETICAL_RE =
  /^как (?:(?:я|мы|вы|ты|он|она|они|уже|и|раньше|ранее) )*(?:говорил|говорила|говорили|сказал|сказала|сказали|знаете|знаешь|понимаете|видите|помните|договаривались|упоминал|упоминала|упоминали|писал|писала|писали|обсуждали|обещал|обещали|отмечал|отмечали|правило|обычно|всегда|будто|раз|только|минимум|максимум|следствие|ни странно|можно (?:скорее|быстрее|раньше)|известно|говорится|уже|и)(?:\s|$)/;

type Signal = QuestionKind | "subordinate" | null;

function skipLeading(t: readonly Token[], from: number): number {
  let i = from;
  for (;;) {
    const a = t[i];
    if (a === undefined) return i;
    const b = t[i + 1];
    if (b !== undefined && LEADING_PAIRS.has(`${a}_${b}`)) i += 2;
    else if (LEADING.has(a) || ANNOUNCE.has(a)) i += 1;
    else return i;
  }
}

/** True when the tokens from `i` ask something (announce verbs were already skipped). */
function headSignal(
  t: readonly Token[],
  i: number,
  q: boolean,
  chunkCount: number,
  lastChunk: boolean,
): Signal {
  const w = t[i];
  if (w === undefined) return null;
  const rest = t.slice(i).join(" ");
  if (REQUEST_RE.test(rest)) return "open";
  if (ASKING_RE.test(rest)) {
    const after = t.slice(i, i + 8);
    if (after.includes("ли")) return "closed";
    return after.some((x) => WH.has(x)) || /узнать|понять|услышать/.test(rest) ? "open" : null;
  }
  if (/^(?:как|что) насчет(?:\s|$)/.test(rest) || /^а что если(?:\s|$)/.test(rest)) return "open";
  if (YESNO_HEAD_RE.test(rest)) {
    return REQUEST_RE.test(rest.replace(/^не (?:могли бы|можете ли|подскажете|скажете)\s*(?:вы\s)?/, ""))
      ? "open"
      : "closed";
  }

  let j = i;
  if (PREP.has(w) && WH.has(t[i + 1] ?? "")) j = i + 1; // "с кем…", "в чем…", "у кого…"
  const h = t[j]!;
  if (WH.has(h)) {
    if (q) return "open";
    if (h === "как" && KAK_PARENTHETICAL_RE.test(t.slice(j).join(" "))) return "subordinate";
    if (h === "что" && /^(?:что (?:касается|ж|и требовалось))/.test(t.slice(j).join(" ")))
      return "subordinate";
    if (h === "чем" && t.includes("тем")) return "subordinate";
    // "когда мы начали, …": an adverbial clause when another clause follows it.
    if ((h === "когда" || h === "где" || h === "куда") && chunkCount > 1 && !lastChunk) return "subordinate";
    return "open";
  }
  if (RELATIVE.has(h)) return q || t[j + 1] === "из" ? "open" : "subordinate";
  if (SALES_YESNO_RE.test(rest)) return "closed";
  return null;
}

/**
 * Russian: the kind of question `sentence` is, or null when it is not a (counted) question.
 * @example classifyRussian("есть ли у вас бюджет") // "closed"
 */
export function classifyRussian(sentence: string): QuestionKind | null {
  const all = dedupe(words(sentence));
  if (all.length === 0) return null;
  const q = hasQuestionMark(sentence);
  const punctuated = /[.,!?;:]/.test(sentence);
  const joined = all.join(" ");

  // Keep "а" for SALES_YESNO_RE ("а вы…"), so markers are skipped except a leading "а" before "вы/у вас".
  const startCore = skipLeading(all, 0);
  const c = all.slice(startCore).join(" ");
  if (c === "" || BACKCHANNEL_RE.test(c) || RHETORICAL_RE.test(c) || RHETORICAL_RE.test(joined)) return null;
  // "разве", "неужели": usually rhetorical or surprise, not a request for information.
  if (all.includes("разве") || all.includes("неужели")) return null;
  if (!q && /!\s*$/.test(sentence)) return null; // "какой кошмар!" is an exclamation

  const embedded = EMBED_RE.test(joined);
  let signal: Signal = null;
  const parts = punctuated ? chunks(sentence).map(dedupe) : [all];
  let contentBefore = 0;
  for (let p = 0; p < parts.length && signal === null; p++) {
    const part = parts[p]!;
    let start = skipLeading(part, 0);
    // Without "?", a question word after an earlier clause ("спасибо, что нашли время", "я думаю,
    // что…", "мы знаем, когда…") is a complementizer or a relative, not a question; a vocative
    // ("Марина, что вы думаете") leaves at most one word before it.
    const prevLast = parts[p - 1]?.[parts[p - 1]!.length - 1];
    const afterClause =
      p > 0 && (contentBefore > 1 || (prevLast !== undefined && COMPLEMENT_TAKERS.has(prevLast)));
    contentBefore += part.length - start;
    if (
      !q &&
      afterClause &&
      (WH.has(part[start] ?? "") || (PREP.has(part[start] ?? "") && WH.has(part[start + 1] ?? "")))
    )
      continue;
    // Leave "а" in place when it opens "а вы…" / "а у вас…".
    const aAt = part.indexOf("а");
    if (aAt >= 0 && aAt < start && /^(?:вы|ты|у|ваш|ваша|ваше|ваши|вам|вас)$/.test(part[aAt + 1] ?? ""))
      start = aAt;
    let s = headSignal(part, start, q, parts.length, p === parts.length - 1);
    if (s === "subordinate") s = null;
    if (s !== null && embedded && !q && p > 0) s = null; // "не знаю, когда…" reports, does not ask
    signal = s;
  }

  const li = all.findIndex((x, k) => x === "ли" && k > 0 && !/^(?:вряд|едва|то|ли)$/.test(all[k - 1]!));
  if (signal === null && li > 0 && (q || !embedded)) signal = "closed";

  const orText = sentence.toLowerCase().replace(/ё/g, "е").replace(VAGUE_OR_RE, " ");
  const hasOr = /(?:^|[\s,])или(?:\s|$)/u.test(orText);
  if (signal === "open") {
    const lastPart = parts[parts.length - 1] ?? [];
    const options =
      hasOr &&
      ((parts.length > 1 && lastPart.includes("или") && lastPart.length <= 8) ||
        all.some((x) => x.startsWith("как") && x !== "как" && x !== "каков") ||
        all.some((x) => RELATIVE.has(x)));
    return options ? "closed" : "open";
  }
  if (signal === "closed") return "closed";
  if (STRONG_TAG_RE.test(joined) && all.length >= 3) return "closed";
  const lastWord = all[all.length - 1]!;
  const lastPart = parts[parts.length - 1] ?? [];
  const tagAfterComma = parts.length > 1 && lastPart.length <= 2 && WEAK_TAGS.has(lastWord);
  if (all.length >= 3 && WEAK_TAGS.has(lastWord) && (q || tagAfterComma) && !embedded) return "closed";
  if (!q) return null;
  // Declarative question with "?"; a question word anywhere (not the complementizer "что") makes it open.
  if (all.some((x, k) => WH.has(x) && !(x === "что" && k > 0) && !(x === "как" && all[k + 1] === "будто"))) {
    return hasOr ? "closed" : "open";
  }
  return "closed";
}
