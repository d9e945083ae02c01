// Mentions stage: runs the compiled lexicon over each sentence and sorts the hits by kind.
// Entities (countries, places, organisations, persons, offices) are de-overlapped longest-first
// so "Collective Security Treaty Organization" is one organisation, not a country adjective
// inside it; triggers, topics and modality cues are kept in their own layers because they may
// overlap entities ("Russian-Tajik talks").

import { WordTable } from "../lexicon/word-table.js";
import { holderOf, longestNonOverlapping, type LexEntry, type Lexicon, type Match, type Person } from "../lexicon/index.js";
import { fold, hasHan, isHighSurrogate, normalizeTransient, tokenizeRange, wordCharBefore, type Token } from "../text/normalize.js";
import type { Sentence, Span } from "../types.js";
import { hasNoSurnameForms, nominative, surnameKeys, transliterate } from "./names.js";

export { transliterate, nominative } from "./names.js";

export type EntityMatch = Match<Extract<LexEntry, { kind: "country" | "place" | "org" | "person" | "office" }>>;
export type TriggerMatch = Match<Extract<LexEntry, { kind: "trigger" }>>;
export type TopicMatch = Match<Extract<LexEntry, { kind: "topic" }>>;
export type ModalityMatch = Match<Extract<LexEntry, { kind: "modality" }>>;
export type ReferenceMatch = Match<Extract<LexEntry, { kind: "reference" }>>;

/** Unknown person found by a title + capitalised-name pattern. */
export interface NameMatch extends Span {
  name: string;
  /** Index in `entities` of the office that introduces it. */
  office: number;
}

export interface SentenceMentions {
  sentence: Sentence;
  tokens: Token[];
  entities: EntityMatch[];
  triggers: TriggerMatch[];
  topics: TopicMatch[];
  modality: ModalityMatch[];
  references: ReferenceMatch[];
  names: NameMatch[];
}

/**
 * Run the lexicon over one span of the text. `han`: whether the text may hold Han characters
 * (false when the whole document has none: its spans need no substring search).
 */
export function mentionsIn(text: string, span: Span, lex: Lexicon, lang?: string, han = true): Omit<SentenceMentions, "sentence" | "names"> {
  // The folded span is read right away, by these two calls only (its offset map is not copied).
  const nt = normalizeTransient(text, span.start, span.end);
  const tokens = tokenizeRange(text, span.start, span.end, nt);
  // (Han matches are made with their offsets in the text: adding to them here made the fields of
  // every match object mutable, which deoptimised the matcher's compiled code.)
  const hanMatches = han ? lex.matcher.matchHan(nt, lang, span.start) : null;
  const all = lex.matcher.matchTokens(tokens, lang);
  if (hanMatches) for (const h of hanMatches) all.push(h);
  const entities: EntityMatch[] = [];
  const triggers: TriggerMatch[] = [];
  const topics: TopicMatch[] = [];
  const modality: ModalityMatch[] = [];
  const references: ReferenceMatch[] = [];
  for (const m of all) {
    switch (m.payload.kind) {
      case "trigger": triggers.push(m as TriggerMatch); break;
      case "topic": topics.push(m as TopicMatch); break;
      case "modality": modality.push(m as ModalityMatch); break;
      case "reference": references.push(m as ReferenceMatch); break;
      default: entities.push(m as EntityMatch);
    }
  }
  return {
    tokens,
    entities: longest(entities),
    triggers: longest(triggers),
    topics: longest(topics),
    // "It could be recalled that": a longer phrase with a cue word in it that is no cue.
    modality: modality.length ? longest(modality).filter((m) => m.payload.id !== "none") : modality,
    references: longest(references),
  };
}

/**
 * longestNonOverlapping of a list of this module's own, which is its own answer (no copy) where
 * that keeps every match in the order given: a list of none or one, or of matches each ending
 * before the next starts (most sentences' triggers and topics; none of them empty, so the order
 * by start is the one given).
 */
function longest<P>(list: Match<P>[]): Match<P>[] {
  if (list.length <= 1) return list;
  for (let k = 0; k < list.length; k++) {
    const m = list[k];
    if (m.end <= m.start || (k > 0 && m.start < list[k - 1].end)) return longestNonOverlapping(list);
  }
  return list;
}

// Words that start a capitalised run but are not names (sentence starts, months, titles).
const NOT_A_NAME = /^(the|and|of|in|on|at|for|with|to|his|her|mr|mrs|ms|dr|и|в|с|на|по|г)$/i;
// Courtesy titles that may stand between a title and a name ("Ambassador ... Mr. Kim").
const COURTESY = /^(mr|mrs|ms|dr|the|his|her|h)$/i;

/**
 * Title + name pattern for persons outside the lexicon: an office ("Председатель ГКНБ",
 * "Deputy Prime Minister", "ambassador"), optionally followed by a country or organisation,
 * then two or three capitalised words that the lexicon does not know.
 */
export function findTitledNames(text: string, tokens: Token[], entities: EntityMatch[], opts: { lang?: string; triggers?: Span[]; persons?: Map<string, Person> } = {}): NameMatch[] {
  const out: NameMatch[] = [];
  // Only an office introduces a name: a sentence without one has none (most sentences).
  let offices = false;
  for (let i = 0; i < entities.length && !offices; i++) offices = entities[i].payload.kind === "office";
  if (!offices) return out;
  const triggers = opts.triggers ?? [];
  // Words of a known entity or of an event phrase ("Dışişleri Bakanlığına çağrıldı") are no name.
  const covered = (t: Token) => entities.some((e) => t.start < e.end && e.start < t.end) || triggers.some((e) => t.start < e.end && e.start < t.end);
  const lang = opts.lang;
  entities.forEach((e, i) => {
    if (e.payload.kind !== "office") return;
    const next = tokens.find((t) => t.start >= e.end);
    // Scripts without capitals: the name is read up to the words that cannot be part of it.
    if (next && ARABIC_SCRIPT.test(text[next.start] ?? "")) {
      const found = arabicNameAfter(text, tokens, entities, e, opts.triggers ?? [], lang);
      if (found) out.push({ ...found, office: i });
      return;
    }
    if (HAN_CHAR.test(text[e.end] ?? "") || HAN_CHAR.test(text[e.end - 1] ?? "")) {
      const found = hanNameAfter(text, entities, e, opts.triggers ?? []);
      if (found) out.push({ ...found, office: i });
      return;
    }
    // "Enrique Manalo, the Philippine Foreign Secretary": the name before the title.
    const before = nameBeforeTitle(text, tokens, entities, e);
    if (before) {
      out.push({ ...before, office: i });
      return;
    }
    // Skip over the office's own tokens and at most one country/org entity or 3 lower-case words.
    let k = tokens.findIndex((t) => t.start >= e.end);
    if (k < 0) return;
    // "Ambassador of the Republic of Korea to Tajikistan Mr. Kim Jong-hoon": up to two countries
    // or organisations, four lower-case words and a courtesy title may stand between.
    let places = 0, words = 0;
    while (k < tokens.length && places + words < 7) {
      const t = tokens[k];
      const ent = entities.find((x) => t.start >= x.start && t.end <= x.end);
      if (ent && (ent.payload.kind === "country" || ent.payload.kind === "org")) {
        if (++places > 2) return;
        while (k < tokens.length && tokens[k].end <= ent.end) k++;
        continue;
      }
      // "посол Республики Молдова": a capitalised state word right before a country belongs to it.
      const nextEnt = tokens[k + 1] && entities.find((x) => tokens[k + 1].start >= x.start && tokens[k + 1].end <= x.end);
      if (t.capitalized && nextEnt && (nextEnt.payload.kind === "country" || nextEnt.payload.kind === "org") && !covered(t)) {
        k++;
        continue;
      }
      if (!t.capitalized || /^\p{N}/u.test(t.norm) || NOT_A_NAME.test(text.slice(t.start, t.end))) {
        // Genitive complements of a title are lower case in most languages ("министр иностранных дел").
        if ((t.capitalized && !COURTESY.test(text.slice(t.start, t.end))) || ++words > 4) return;
        // After the title's country only a posting may follow ("of Korea to Tajikistan",
        // «посол Венгрии в России»), not a phrase of its own («посла Венгрии в связи с
        // заявлениями Виктора Орбана»: Orbán is not the ambassador).
        if (places > 0 && !t.capitalized && ![1, 2].some((d) => {
          const u = tokens[k + d];
          return !!u && entities.some((x) => u.start >= x.start && u.end <= x.end && (x.payload.kind === "country" || x.payload.kind === "org"));
        })) return;
        k++;
        continue;
      }
      break;
    }
    // A name the lexicon knows, right after the title: the title's name all the same (the
    // person's known terms may not cover the report's date).
    const known = tokens[k] && entities.find((x) => x.payload.kind === "person" && x.start === tokens[k].start);
    if (known?.payload.kind === "person" && /\s/.test(text.slice(known.start, known.end))) {
      const name = opts.persons?.get(known.payload.id)?.name ?? transliterate(text.slice(known.start, known.end), lang);
      out.push({ start: known.start, end: known.end, name, office: i });
      return;
    }
    const parts: Token[] = [];
    while (k < tokens.length && parts.length < 3) {
      const t = tokens[k];
      // "Jong-hoon": a lower-case part joined by a hyphen belongs to the name word before it.
      if (parts.length && !t.capitalized && /^[-‐]$/.test(text.slice(parts[parts.length - 1].end, t.start))) {
        parts.push(t);
        k++;
        continue;
      }
      if (!t.capitalized || covered(t) || /^\p{N}/u.test(t.norm) || NOT_A_NAME.test(text.slice(t.start, t.end))) break;
      // The name words must be adjacent (a space or hyphen between them).
      if (parts.length && !/^[\s\-‐]{1,2}$/.test(text.slice(parts[parts.length - 1].end, t.start))) break;
      parts.push(t);
      k++;
    }
    if (parts.filter((p) => p.capitalized).length >= 2) {
      const start = parts[0].start;
      const end = parts[parts.length - 1].end;
      // "с министром Петером Сийярто": a Russian or Ukrainian name after a title, in the
      // instrumental, is output in its nominative.
      const surface = text.slice(start, end);
      out.push({ start, end, name: transliterate(lang === "ru" || lang === "uk" ? nominative(surface, text.slice(e.start, e.end)) : surface, lang), office: i });
    }
  });
  return out;
}

const ARABIC_SCRIPT = /[\u0600-\u06ff]/;
const HAN_CHAR = /\p{Script=Han}/u;
// Words that end an Arabic or Persian name: prepositions, conjunctions, relatives, verbs of
// reporting, time words (folded forms).
const AR_STOP = new Set(
  ("في مع علي الي من عن الذي التي خلال ان بعد قبل لدي حول امس اليوم يوم و او ثم قد كما حيث عندما " +
    "قال قالت اكد اكدت اعلن اعلنت اوضح اشار ذكر يوم نظيره نظيرها نظير وزير رئيس سفير " +
    "نتائج بدعم دعم تطوير قدم بحث التقي يلتقي زار يزور استقبل بحضور " +
    "در با به از كه را و اين ان روز گفت ضمن طي براي هم نيز امروز ديروز همتاي همتا وزير رييس سفير است بود كرد " +
    "همچنين اعلام شد نمود داد داشت ديدار گفتگو تماس سفر پيام كشور").split(" ").map((w) => fold(w)),
);
// Words that join the next word to a name ("عبد الله", "فيصل بن فرحان", "سيد عباس").
const AR_JOINERS = new Set(["عبد", "بن", "ابن", "ابو", "ولد", "ال", "سيد", "بنت"].map((w) => fold(w)));

/** An Arabic or Persian name after a title and its country: two words, more where a joiner links them. */
function arabicNameAfter(text: string, tokens: Token[], entities: EntityMatch[], office: EntityMatch, triggers: Span[], lang?: string): Span & { name: string } | null {
  let k = tokens.findIndex((t) => t.start >= office.end);
  if (k < 0) return null;
  // Skip the title's country or organisation ("وزير الخارجية المصري", "وزیر امور خارجه ایران").
  let places = 0;
  while (k < tokens.length && places < 2) {
    const ent = entities.find((x) => tokens[k].start >= x.start && tokens[k].end <= x.end);
    if (!ent || (ent.payload.kind !== "country" && ent.payload.kind !== "org")) break;
    places++;
    while (k < tokens.length && tokens[k].end <= ent.end) k++;
  }
  // Without capitals to go by, only a title bound to its country is followed by a name
  // ("وزير الخارجية المصري سامح شكري"); after a bare title the next words are anything.
  if (!places || k >= tokens.length) return null;
  // Nothing but space between the country and the name (no quote, comma or bracket).
  const prevEnd = tokens[k - 1]?.end ?? office.end;
  if (!/^\s+$/.test(text.slice(prevEnd, tokens[k].start))) return null;
  const parts: Token[] = [];
  while (k < tokens.length && parts.length < 4) {
    const t = tokens[k];
    if (!ARABIC_SCRIPT.test(text[t.start] ?? "")) break;
    if (entities.some((x) => t.start < x.end && x.start < t.end) || triggers.some((x) => t.start < x.end && x.start < t.end)) break;
    // Function words, and words with an object pronoun ("خلالهما") are no name.
    if (AR_STOP.has(t.norm) || /^\p{N}/u.test(t.norm) || (t.norm.length > 4 && /(هما|هم|ها)$/.test(t.norm))) break;
    if (parts.length && !/^\s+$/.test(text.slice(parts[parts.length - 1].end, t.start))) break;
    // A word with the article starts a new phrase, unless a joiner asks for it ("عبد الله").
    if (parts.length && t.norm.startsWith("ال") && !AR_JOINERS.has(parts[parts.length - 1].norm)) break;
    parts.push(t);
    k++;
    const last = parts[parts.length - 1].norm;
    if (parts.length >= 2 && !AR_JOINERS.has(last) && !(parts.length === 2 && AR_JOINERS.has(parts[0].norm))) break;
  }
  while (parts.length && AR_JOINERS.has(parts[parts.length - 1].norm)) parts.pop();
  if (parts.length < 2) return null;
  const start = parts[0].start, end = parts[parts.length - 1].end;
  return { start, end, name: transliterate(text.slice(start, end), lang) };
}

// Characters that start the word after a Chinese name (with, and, at, said, met, will, to...).
const HAN_STOP = new Set([..."与和同在会表说对于将就向并也称时指等的为是出访一举通致应宣强还已再向把被从据今昨日月年"]);

// The common Chinese family names (simplified and traditional forms).
const HAN_SURNAMES = new Set([
  ..."王李张張刘劉陈陳杨楊黄黃赵趙吴吳周徐孙孫马馬朱胡郭何高林罗羅郑鄭梁谢謝宋唐许許韩韓冯馮邓鄧曹彭曾肖萧蕭田董袁潘于蒋蔣蔡余杜叶葉程苏蘇魏吕呂丁任沈姚卢盧姜崔钟鍾谭譚陆陸汪范金石廖贾賈夏韦韋付方白邹鄒孟熊秦邱江尹薛闫閻段雷侯龙龍史陶黎贺賀顾顧毛郝龚龔邵万萬钱錢严嚴覃武戴莫孔向汤湯常温溫康施文牛樊葛邢安齐齊易乔喬伍庞龐颜顏倪庄莊聂聶章鲁魯岳翟殷詹申欧歐耿关關兰蘭焦俞左柳甘祝包宁寧尚符舒阮柯纪紀梅童凌毕畢单單季裴霍涂成苗谷盛曲翁冉骆駱蓝藍路游辛靳管柴蒙鲍鮑华華喻祁蒲房滕屈饶饒解牟艾尤阳陽时時穆农農司卓古吉缪繆简簡车車项項连連芦蘆麦麥褚娄婁窦竇戚岑景党宫宮费費卜冷晏席卫衛米柏宗瞿桂全佟应應臧闵閔苟邬鄔边邊卞姬师師和仇栾欒隋商刁沙荣榮巫寇桑郎甄丛叢仲虞敖巩鞏明佘池查麻苑迟遲邝鄺",
]);

/** A Chinese name after a title: two or three Han characters, or a foreign name with "·". */
function hanNameAfter(text: string, entities: EntityMatch[], office: EntityMatch, triggers: Span[]): Span & { name: string } | null {
  let i = office.end;
  const blocked = (p: number) => entities.some((x) => p >= x.start && p < x.end) || triggers.some((x) => p >= x.start && p < x.end);
  const start = i;
  const isHan = (p: number) => HAN_CHAR.test(text[p] ?? "");
  // A foreign name: parts joined by "·" ("谢尔盖·拉夫罗夫").
  let j = i;
  while (j < text.length && isHan(j) && !blocked(j) && j - i < 8) j++;
  if (/[·・•]/.test(text[j] ?? "") && j > i) {
    let end = j + 1;
    while (end < text.length && isHan(end) && !blocked(end) && end - j <= 6 && !(end - j > 2 && HAN_STOP.has(text[end]))) end++;
    if (end > j + 1) return { start, end, name: transliterate(text.slice(start, end)) };
  }
  // A Chinese name starts with a family name.
  if (!HAN_SURNAMES.has(text[i])) return null;
  let end = i;
  while (end < text.length && end - i < 3 && isHan(end) && !blocked(end) && !(end - i === 2 && HAN_STOP.has(text[end]))) end++;
  if (end - i < 2) return null;
  return { start, end, name: transliterate(text.slice(start, end)) };
}

const WEEKDAY_MONTH = /^(monday|tuesday|wednesday|thursday|friday|saturday|sunday|january|february|march|april|may|june|july|august|september|october|november|december|last|next|this|earlier|later|meanwhile|however|also)$/i;

/** "NAME, the Xian ambassador" / «Сергей Лавров, министр иностранных дел»: a name before a comma and a title. */
function nameBeforeTitle(text: string, tokens: Token[], entities: EntityMatch[], office: EntityMatch): Span & { name: string } | null {
  let k = tokens.findIndex((t) => t.end > office.start) - 1;
  // The title's country or organisation and an article may stand before it ("the Philippine").
  for (let guard = 0; k >= 0 && guard < 3; guard++) {
    const t = tokens[k];
    const ent = entities.find((x) => t.start >= x.start && t.end <= x.end);
    if (ent && (ent.payload.kind === "country" || ent.payload.kind === "org")) {
      while (k >= 0 && tokens[k].start >= ent.start) k--;
      continue;
    }
    if (/^(the|his|her|le|la|el|der|die)$/i.test(text.slice(t.start, t.end))) {
      k--;
      continue;
    }
    break;
  }
  if (k < 0) return null;
  const gapStart = tokens[k].end;
  const firstAfter = tokens[k + 1]?.start ?? office.start;
  if (!/^\s*,\s*$/.test(text.slice(gapStart, firstAfter))) return null;
  const parts: Token[] = [];
  while (k >= 0 && parts.length < 3) {
    const t = tokens[k];
    const surface = text.slice(t.start, t.end);
    if (!t.capitalized || entities.some((x) => t.start < x.end && x.start < t.end) || NOT_A_NAME.test(surface) || WEEKDAY_MONTH.test(surface) || /^\p{N}/u.test(t.norm)) break;
    if (parts.length && !/^[\s\-‐]{1,2}$/.test(text.slice(t.end, parts[0].start))) break;
    parts.unshift(t);
    k--;
  }
  // The run must be the whole name: not the end of a longer capitalised phrase.
  if (parts.length < 2 || (k >= 0 && tokens[k].capitalized && /^\s$/.test(text.slice(tokens[k].end, parts[0].start)) && !NOT_A_NAME.test(text.slice(tokens[k].start, tokens[k].end)))) return null;
  // A sentence-initial word may be an ordinary capitalised word: keep runs of two or three.
  const start = parts[0].start, end = parts[parts.length - 1].end;
  return { start, end, name: transliterate(text.slice(start, end)) };
}

/** Mentions for every sentence of a document. */
export function findMentions(text: string, sentences: Sentence[], lex: Lexicon, lang?: string): SentenceMentions[] {
  return findDocumentMentions(text, sentences, lex, lang).mentions;
}

/**
 * Mentions for every sentence, and the persons the document itself introduces: a title with its
 * country and a name ("Philippine Foreign Secretary Enrique Manalo") makes a person of that country
 * and role; later mentions of the same person by surname ("Manalo", «Сийярто», «Лавровым»,
 * "وقال حسين") or by the full name are marked as that person. The persons are keyed
 * "doc:<name>" and hold for this document only.
 */
export function findDocumentMentions(text: string, sentences: Sentence[], lex: Lexicon, lang?: string, date: string | null = null): { mentions: SentenceMentions[]; persons: Map<string, Person> } {
  const registry = new DocumentPersons(date);
  // Han phrases are searched as substrings: only in a document with Han characters.
  const han = textHasHan(text);
  const all = sentences.map((sentence) => {
    const m = mentionsIn(text, sentence, lex, lang, han);
    registry.markMentions(text, m.tokens, m.entities, lex);
    const names = findTitledNames(text, m.tokens, m.entities, { lang, triggers: m.triggers, persons: lex.persons });
    for (const n of names) registry.register(text, n, m.entities, lex);
    registry.registerKnown(text, m.entities);
    return { sentence, tokens: m.tokens, entities: m.entities, triggers: m.triggers, topics: m.topics, modality: m.modality, references: m.references, names };
  });
  resolveStateTitles(text, all);
  return { mentions: all, persons: registry.persons };
}

// surnameKeys of the words of the text, remembered (the same words recur; the lists are only read).
const surnameKeysOf = new WordTable<string[]>();
function cachedSurnameKeys(word: string): string[] {
  let keys = surnameKeysOf.get(word);
  if (!keys) {
    if (surnameKeysOf.size >= 50_000) surnameKeysOf.clear();
    surnameKeysOf.add(word, (keys = surnameKeys(word)));
  }
  return keys;
}

/** A text's last hasHan answer (the stages after this one ask it of the same document again). */
let hanText: string | null = null;
let hanAnswer = false;

/**
 * hasHan of a whole text, the last answer remembered. Only code units from U+2E80 on can be of
 * the Han script: a text without any (most) is told by one regex scan.
 */
export function textHasHan(text: string): boolean {
  if (text !== hanText) {
    hanAnswer = BEYOND_HAN_START.test(text) && hasHan(text);
    hanText = text;
  }
  return hanAnswer;
}
const BEYOND_HAN_START = /[\u2e80-\uffff]/;

/**
 * The last word of a folded name (a run of letters and digits, as /[\p{L}\p{N}]+/gu reads them)
 * when a word stands before it, else null: read from the end in place, without a list of words.
 */
function lastOfSeveralWords(s: string): string | null {
  let end = s.length;
  while (end > 0 && !wordCharBefore(s, end)) end--;
  let start = end;
  while (start > 0 && wordCharBefore(s, start)) start -= start >= 2 && isLowSurrogate(s.charCodeAt(start - 1)) && isHighSurrogate(s.charCodeAt(start - 2)) ? 2 : 1;
  let before = start;
  while (before > 0 && !wordCharBefore(s, before)) before--;
  return before > 0 ? s.slice(start, end) : null;
}

const isLowSurrogate = (c: number) => (c & 0xfc00) === 0xdc00;

/** Persons introduced by the document, and the words that refer back to them. */
class DocumentPersons {
  readonly persons = new Map<string, Person>();
  /** Surname forms (folded, see surnameKeys) -> person ids; a form shared by two persons refers to neither. */
  private bySurname: WordTable<Set<string>> | null = null;
  /** Full names written without spaces (Chinese), as written -> person id. */
  private whole = new Map<string, string>();

  /** date: the article's, for the office holders a Chinese name may stand for. */
  constructor(private readonly date: string | null = null) {}

  register(text: string, n: NameMatch, entities: EntityMatch[], lex: Lexicon): void {
    const office = entities[n.office];
    if (office?.payload.kind !== "office") return;
    const country = titleCountry(text, entities, n.office) ?? office.payload.country ?? null;
    if (!country || !personalName(text.slice(n.start, n.end))) return;
    // A name the lexicon knows is resolved by the lexicon (also when its last word alone was
    // recognised: "Режеп Тайип Ердоған"); "Ho Chi Minh City" is a place.
    if (entities.some((e) => e.payload.kind === "person" && e.start < n.end + 3 && n.start < e.end)) return;
    if (/^\s+City\b/.test(text.slice(n.end, n.end + 6))) return;
    // The president of an organisation heads it.
    const role = lex.orgCodes.has(country) && office.payload.role === "head_of_state" ? "org_head" : office.payload.role;
    const id = `doc:${fold(n.name)}`;
    // A name the lexicon already knows is that person (it gets its side from the lexicon).
    if (lex.persons.has(id) || this.persons.has(id)) return;
    const surface = text.slice(n.start, n.end);
    // Chinese writes foreign names by sound, and the mainland and Taiwan choose different
    // characters (鲁比奥 / 魯比歐): a name the lexicon lacks, under a title whose holder on the
    // date it knows, is that holder.
    const holder = HAN_CHAR.test(surface) ? holderOf(lex, country, office.payload.id, this.date) : null;
    if (holder) {
      n.name = holder.name;
      this.whole.set(surface, holder.id);
      return;
    }
    this.persons.set(id, { id, name: n.name, names: {}, terms: [{ country, office: office.payload.id, role, from: "0000-01-01", to: null }] });
    if (HAN_CHAR.test(surface)) {
      this.whole.set(surface, id);
      return;
    }
    this.addSurname(surface, id);
  }

  /** The last word of a full name, in its forms, refers to the person from now on. */
  private addSurname(surface: string, id: string): void {
    const surname = lastOfSeveralWords(fold(surface));
    if (surname === null || surname.length < 3) return;
    const keys = cachedSurnameKeys(surname);
    for (let k = 0; k < keys.length; k++) {
      const key = keys[k];
      const table = (this.bySurname ??= new WordTable(8));
      const ids = table.get(key);
      if (ids) ids.add(id);
      else table.add(key, new Set([id]));
      const c = key.charCodeAt(0);
      if (c & 32) this.surnameFirstHigh |= 1 << (c & 31);
      else this.surnameFirstLow |= 1 << (c & 31);
    }
  }

  /**
   * The first code units of the surname forms registered, by their low six bits (bits 0-31 of
   * `low` for units with bit 5 clear, of `high` for the others): the forms of a word outside
   * Arabic script all start with the word's first unit (see surnameKeys), so a word whose first
   * unit starts none names no one. Two numbers, not a table made per document (a typed array of
   * more than 64 bytes is a buffer of its own, slow to make); the letters of one alphabet have
   * distinct low six bits.
   */
  private surnameFirstLow = 0;
  private surnameFirstHigh = 0;

  /**
   * Persons of the lexicon named in full ("Fuad Hussein"): their surname alone refers to them
   * for the rest of the document, though the lexicon lists no such alias (it is ambiguous at large).
   */
  registerKnown(text: string, entities: EntityMatch[]): void {
    for (const e of entities) {
      if (e.payload.kind !== "person" || e.payload.id.startsWith("doc:")) continue;
      const surface = text.slice(e.start, e.end);
      if (!/\s/.test(surface) || HAN_CHAR.test(text[e.start] ?? "")) continue;
      // A name written the same way again adds nothing (addSurname's keys are already there).
      const known = this.knownNames.get(surface);
      if (known === e.payload.id) continue;
      if (known === undefined) this.knownNames.set(surface, e.payload.id);
      this.addSurname(surface, e.payload.id);
    }
  }

  /** Full names registerKnown has read, as written, with the (first) person each named. */
  private knownNames = new Map<string, string>();

  /** Marks the words of a sentence that name a registered person as that person. */
  markMentions(text: string, tokens: Token[], entities: EntityMatch[], lex: Lexicon): void {
    const bySurname = this.bySurname;
    if (!bySurname && !this.whole.size) return;
    const added: EntityMatch[] = [];
    const free = (start: number, end: number) => !entities.some((e) => start < e.end && e.start < end);
    const firstLow = this.surnameFirstLow, firstHigh = this.surnameFirstHigh;
    // (No surname registered: no word names anyone by it.)
    if (bySurname) for (let k = 0; k < tokens.length; k++) {
      const t = tokens[k];
      // (The tests on the word itself first: by code unit, the same as ARABIC_SCRIPT and
      // HAN_CHAR on the word's first character.)
      const c = text.charCodeAt(t.start);
      // (No unit below U+2E80 is Han: the one-unit string is made only above it.)
      const latinOrCyrillic = !(c >= 0x0600 && c <= 0x06ff) && !(c >= 0x2e80 && hasHan(text[t.start]));
      if (latinOrCyrillic && !t.capitalized) continue;
      const w0 = t.norm.charCodeAt(0);
      if (!(w0 >= 0x0600 && w0 <= 0x06ff) && (((w0 & 32 ? firstHigh : firstLow) >>> (w0 & 31)) & 1) === 0) continue;
      if (!free(t.start, t.end)) continue;
      // The one person the word's surname forms name (none, or several: no mention).
      let id: string | undefined;
      let several = false;
      // (A word without Cyrillic or Arabic letters is its only surname form: see surnameKeys.)
      if (hasNoSurnameForms(t.norm)) {
        const ids = bySurname.get(t.norm);
        if (ids) for (const x of ids) if (id === undefined) id = x; else if (x !== id) several = true;
      } else for (const key of cachedSurnameKeys(t.norm)) {
        const ids = bySurname.get(key);
        if (ids) for (const x of ids) if (id === undefined) id = x; else if (x !== id) several = true;
      }
      if (id === undefined || several) continue;
      // The given names written before the surname belong to the mention ("Enrique Manalo").
      let first = k;
      const full = fold((this.persons.get(id) ?? lex.persons.get(id))?.name ?? "").split(" ");
      while (first > 0 && free(tokens[first - 1].start, tokens[first - 1].end) && tokens[first - 1].capitalized && full.includes(transliterate(text.slice(tokens[first - 1].start, tokens[first - 1].end)).toLowerCase())) first--;
      added.push(personMatch(id, tokens, first, k + 1, text));
    }
    // Chinese names are found as substrings.
    if (this.whole.size && tokens.length) {
      const from = tokens[0].start, to = tokens[tokens.length - 1].end;
      const sentence = text.slice(from, to);
      for (const [name, id] of this.whole)
        for (let at = sentence.indexOf(name); at >= 0; at = sentence.indexOf(name, at + 1)) {
          const start = from + at, end = start + name.length;
          if (!free(start, end)) continue;
          added.push({ payload: { kind: "person", id }, extra: 0, start, end, tokenStart: tokens.findIndex((t) => t.end > start), tokenEnd: tokens.findIndex((t) => t.end >= end) + 1, surface: text.slice(start, end) });
        }
    }
    if (added.length) {
      entities.push(...added);
      entities.sort((a, b) => a.start - b.start);
    }
  }
}

// Capitalised words that make a run an institution, a region or a document, not a person.
const NOT_PERSONAL = /^(republic|republics|kingdom|assembly|council|committee|ministry|ministries|corridor|enforcement|central|national|federal|federation|state|states|union|party|office|department|agency|bank|fund|forum|summit|council|court|house|city|region|province|south|north|east|west|asian|african|european|арабск\S*|федерац\S*|республик\S*|министерств\S*|комитет\S*|совет\S*|цк|компарт\S*|партии|союз\S*|dışişleri|bakanlığı\S*|république|ministère|conseil)$/iu;

/** Whether a titled name can be a person's: no institution word, not written all in capitals. */
function personalName(surface: string): boolean {
  const words = surface.split(/[\s\-‐]+/).filter(Boolean);
  if (words.some((w) => NOT_PERSONAL.test(w.replace(/[’'].*$/u, "")))) return false;
  // "ÇAĞRILDI": a headline in capitals.
  if (words.filter((w) => w.length > 1 && w === w.toUpperCase() && w !== w.toLowerCase()).length >= 2) return false;
  return true;
}

function personMatch(id: string, tokens: Token[], from: number, to: number, text: string): EntityMatch {
  const start = tokens[from].start, end = tokens[to - 1].end;
  return { payload: { kind: "person", id }, extra: 0, start, end, tokenStart: from, tokenEnd: to, surface: text.slice(start, end) };
}

/** The country or organisation a title is bound to: right after it, else right before it. */
function titleCountry(text: string, entities: EntityMatch[], i: number): string | null {
  const e = entities[i];
  const holder = (x: EntityMatch | undefined) => !!x && ((x.payload.kind === "country" && x.payload.form !== "capital") || x.payload.kind === "org");
  const near = (a: { end: number }, b: { start: number }) => b.start >= a.end && b.start - a.end <= 24 && !/[.;!?؟。,،]/.test(text.slice(a.end, b.start));
  const next = entities[i + 1], prev = entities[i - 1];
  const nextOk = holder(next) && near(e, next!);
  const prevOk = holder(prev) && near(prev!, e);
  if (nextOk && prevOk) return next!.start - e.end <= e.start - prev!.end ? next!.payload.id : prev!.payload.id;
  if (nextOk) return next!.payload.id;
  if (prevOk) return prev!.payload.id;
  return null;
}

/**
 * "The Kingdom", "the Sultanate": after a state has been named by its full title ("the Kingdom
 * of Saudi Arabia", "المملكة العربية السعودية"), the bare title refers to that state.
 */
function resolveStateTitles(text: string, all: SentenceMentions[]): void {
  // The states named by their full title so far; the folded surface is made when a title asks for it.
  const named: { id: string; start: number; end: number; surface: string | null }[] = [];
  for (const sm of all) {
    const added: EntityMatch[] = [];
    for (const r of sm.references) {
      if (r.payload.id !== "state_title") continue;
      const word = fold(text.slice(r.start, r.end)).replace(/^(the|le|das|el|ال)\s*/u, "").trim();
      const covered = sm.entities.some((e) => e.start <= r.start && r.end <= e.end);
      const state = named.find((n) => (n.surface ??= fold(text.slice(n.start, n.end))).includes(word));
      if (!covered && state) {
        added.push({ payload: { kind: "country", id: state.id, form: "name" }, extra: 0, start: r.start, end: r.end, tokenStart: sm.tokens.findIndex((t) => t.start >= r.start), tokenEnd: sm.tokens.findIndex((t) => t.end >= r.end) + 1, surface: text.slice(r.start, r.end) });
      }
    }
    for (const e of sm.entities) if (e.payload.kind === "country" && e.payload.form === "name") named.push({ id: e.payload.id, start: e.start, end: e.end, surface: null });
    if (added.length) sm.entities = [...sm.entities, ...added].sort((a, b) => a.start - b.start);
  }
}

/**
 * "Our country" («кишварамон», "کشورمان", "mamlakatimiz") is the home country of the report (its
 * dateline's, else the one country a language belongs to); "our head of state" («Мемлекет
 * басшысы», "Davlatimiz rahbari") is that country's president on the day. Added as entities so
 * the later stages see them like any named country or person.
 */
export function resolveHomeReferences(text: string, all: SentenceMentions[], home: string | null, leaderId: string | null): void {
  if (!home) return;
  for (const sm of all) {
    const added: EntityMatch[] = [];
    for (const r of sm.references) {
      if (r.payload.id !== "home" && r.payload.id !== "home_leader") continue;
      if (sm.entities.some((e) => e.start < r.end && r.start < e.end && e.payload.kind !== "office")) continue;
      const payload = r.payload.id === "home" ? ({ kind: "country", id: home, form: "name" } as const) : leaderId ? ({ kind: "person", id: leaderId } as const) : null;
      if (!payload) continue;
      added.push({ payload, extra: 0, start: r.start, end: r.end, tokenStart: sm.tokens.findIndex((t) => t.start >= r.start), tokenEnd: sm.tokens.findIndex((t) => t.end >= r.end) + 1, surface: text.slice(r.start, r.end) });
    }
    if (added.length) {
      // A title covered by "our head of state" is that person's, not a second side.
      const keep = sm.entities.filter((e) => !(e.payload.kind === "office" && added.some((x) => x.payload.kind === "person" && e.start < x.end && x.start < e.end)));
      sm.entities = [...keep, ...added].sort((a, b) => a.start - b.start);
    }
  }
}
