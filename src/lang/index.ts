// Language identification for news text: script counts first, then distinctive letters and
// function words within a script, and franc (trigrams) for Latin-script text.

import { francScores } from "./trigrams.js";
import type { Lang } from "../types.js";

/** Only the head of a document is looked at: enough for a stable answer, and fast. */
/** Trigram scoring costs per character; 800 letters of running text decide it. */
const FRANC_SAMPLE = 800;
const MAX_CHARS = 2000; // enough letters to decide; trigram scoring costs per character

type Script = "Cyrillic" | "Arabic" | "Latin" | "Han" | "Armenian";

function scriptOf(c: number): Script | null {
  if (c < 0x250) return "Latin";
  if (c >= 0x1e00 && c < 0x1f00) return "Latin";
  if (c >= 0x400 && c < 0x530) return "Cyrillic";
  if (c >= 0x531 && c < 0x590) return "Armenian";
  if ((c >= 0x600 && c < 0x700) || (c >= 0x750 && c < 0x780) || (c >= 0xfb50 && c < 0xfe00) || (c >= 0xfe70 && c < 0xff00)) return "Arabic";
  if ((c >= 0x4e00 && c < 0xa000) || (c >= 0x3400 && c < 0x4dc0) || (c >= 0xf900 && c < 0xfb00)) return "Han";
  return null;
}

const count = (text: string, re: RegExp) => (text.match(re) ?? []).length;

// ---- Cyrillic -------------------------------------------------------------------------------

/**
 * Distinctive-letter weights per Cyrillic language. Letters unique to one language weigh 3,
 * letters shared by two or three of them weigh 1. Kyrgyz has no letter of its own: it is
 * ң ө ү without the Kazakh-only letters (handled in cyrillicLanguage).
 */
const CYRILLIC_CUES: Array<[Lang, Record<string, number>]> = [
  ["uk", { "ї": 3, "є": 3, "ґ": 3, "і": 1 }],
  ["kk", { "ә": 2, "ұ": 3, "һ": 1, "қ": 1, "ғ": 1, "ң": 1, "ө": 1, "ү": 1, "і": 1 }],
  ["ky", { "ң": 1, "ө": 1, "ү": 1 }],
  ["tg", { "ӣ": 3, "ӯ": 3, "ҷ": 3, "ҳ": 1, "қ": 1, "ғ": 1 }],
  ["uz", { "ў": 3, "ҳ": 1, "қ": 1, "ғ": 1 }],
];
const codesOf = (letters: string) => new Set([...letters].map((ch) => ch.charCodeAt(0)));
const KAZAKH_ONLY_SET = codesOf("әұһіқғ");
/** Letters Ukrainian does not use; their presence argues against uk. */
const RUSSIAN_NOT_UKRAINIAN_SET = codesOf("ыэъё");
const UKRAINIAN_ONLY_SET = codesOf("їєґ");
const UKRAINIAN_ONLY_ANY_CASE = codesOf("їєґЇЄҐ");
/** Cue weights by Cyrillic code unit (offset from U+0400), one entry per CYRILLIC_CUES language. */
const CUE_WEIGHTS: (number[] | undefined)[] = new Array(0x130);
CYRILLIC_CUES.forEach(([, weights], k) => {
  for (const [ch, w] of Object.entries(weights)) {
    const at = ch.charCodeAt(0) - 0x400;
    CUE_WEIGHTS[at] ??= new Array<number>(CYRILLIC_CUES.length).fill(0);
    CUE_WEIGHTS[at]![k] += w;
  }
});

/** Function words of Tajik and of Uzbek (Cyrillic), for telling them apart without their own letters. */
const TAJIK_WORDS = new Set(["дар", "бо", "ба", "ки", "аз", "барои", "шуд", "мебошад", "карда", "намуд", "оид", "байни"]);
const UZBEK_WORDS = new Set(["билан", "учун", "бўйича", "буйича", "бир", "ҳам", "қилинди", "этди", "бўлди", "бўлиб", "ўртасида", "томонидан"]);
const FRANC_CYRILLIC: Record<string, Lang> = { rus: "ru", ukr: "uk", kaz: "kk", kir: "ky", tgk: "tg" };
const CYRILLIC_CANDIDATES = Object.keys(FRANC_CYRILLIC);
/** Letters Ukrainian writes in almost every sentence and Russian never (Kyrgyz may go a sentence without its own). */
const OWN_LETTERS: Record<string, RegExp> = { ukr: /[іїєґ]/iu };

function cyrillicLanguage(words: string[]): Lang {
  const letters = words.join(" ");
  // Cues are counted on words that do not start with a capital: proper names ("Тәуелсіздік",
  // "Київ") in a Russian report must not turn it into Kazakh or Ukrainian. All-caps text
  // (a headline-only input) is counted whole.
  const lowerWords = words.filter((w) => w[0] === w[0].toLowerCase());
  const cueText = (lowerWords.length * 3 >= words.length ? lowerWords.join(" ") : letters).toLowerCase();
  const lower = cueText;
  // One pass over the cue text: Cyrillic letters, cue weights per language, Kazakh-only letters,
  // letters Ukrainian lacks, Ukrainian-only letters.
  let total = 0, kazakhOnly = 0, notUk = 0, ukOnlyLower = 0;
  const langScores = new Array<number>(CYRILLIC_CUES.length).fill(0);
  for (let i = 0; i < lower.length; i++) {
    const c = lower.charCodeAt(i);
    if (c < 0x400 || c >= 0x530) continue; // cue letters are all Cyrillic
    total++;
    const cue = CUE_WEIGHTS[c - 0x400];
    if (cue) for (let k = 0; k < cue.length; k++) langScores[k] += cue[k];
    if (KAZAKH_ONLY_SET.has(c)) kazakhOnly++;
    if (RUSSIAN_NOT_UKRAINIAN_SET.has(c)) notUk++;
    if (UKRAINIAN_ONLY_SET.has(c)) ukOnlyLower++;
  }
  const scores = new Map<Lang, number>();
  CYRILLIC_CUES.forEach(([lang], k) => scores.set(lang, langScores[k]));
  // Kyrgyz: ң ө ү only count when the Kazakh-only letters are (nearly) absent.
  const ky = scores.get("ky")!;
  scores.set("ky", kazakhOnly * 4 < ky ? ky * 1.5 : 0);
  // Ukrainian: ы э ъ ё are Russian (or Central Asian) letters; і alone is also Kazakh.
  // ї є ґ exist only in Ukrainian; Russian text spells even Ukrainian names without them
  // ("Украины", not "України"), so they count in capitalised words too.
  let ukOnlyAll = 0; // ї є ґ in any case (what lower-casing the whole text and counting finds)
  for (let i = 0; i < letters.length; i++) if (UKRAINIAN_ONLY_ANY_CASE.has(letters.charCodeAt(i))) ukOnlyAll++;
  const ukOnlyInNames = ukOnlyAll - ukOnlyLower;
  scores.set("uk", Math.max(0, scores.get("uk")! + ukOnlyInNames * 3 - notUk * 2));
  let best: Lang = "ru", bestScore = 0;
  for (const [lang, s] of scores) if (s > bestScore) { best = lang; bestScore = s; }
  // Tajik and Uzbek Cyrillic share қ ғ ҳ; without their own letters (ӣ ӯ ҷ, ў) seen, their
  // function words decide ("дар", "бо", "ки" against "билан", "учун", "бўйича").
  if ((best === "tg" || best === "uz") && scores.get("tg") === scores.get("uz")) {
    let tg = 0, uz = 0;
    for (const w of words) {
      const lw = w.toLowerCase();
      if (TAJIK_WORDS.has(lw)) tg++;
      else if (UZBEK_WORDS.has(lw)) uz++;
    }
    best = uz > tg ? "uz" : "tg";
    // The words decide even below the letter threshold (franc has no Uzbek Cyrillic model).
    if (uz !== tg) return best;
  }
  // A few extended letters (a Kazakh place name in a Russian report) do not make a language:
  // require the cues to weigh at least 1% of the Cyrillic letters, or 3 on short text.
  if (bestScore >= Math.max(3, total * 0.01)) return best;
  // No decisive letters (Kyrgyz can be written without ң ө ү for a sentence or two): trigrams.
  const ranked = francScores(letters.slice(0, FRANC_SAMPLE), CYRILLIC_CANDIDATES, 3);
  const top = ranked[0];
  const rus = ranked.find(([code]) => code === "rus");
  // ...but only a language whose own letters the text has: a Russian sentence with none of
  // і ї є ґ («Путин поблагодарил Трампа за встречу на Аляске») is not Ukrainian.
  if (top && top[0] !== "rus" && (!rus || rus[1] < 0.85) && OWN_LETTERS[top[0]]?.test(letters) !== false) return FRANC_CYRILLIC[top[0]];
  return "ru";
}

// ---- Arabic script --------------------------------------------------------------------------

const PERSIAN_LETTERS = /[پچژگ]/g;
/** Persian ی and ک (Urdu shares them); Arabic writes ي and ك. */
const PERSIAN_YEH_KAF = /[یک]/g;
const URDU_LETTERS = /[ےںٹڈڑھۓ]/g;
const ARABIC_LETTERS = /[ةىأإؤ]/g;
const PERSIAN_WORDS = new Set(["است", "می", "را", "این", "که", "از", "در", "به", "با", "های", "ها", "شد", "کرد", "برای", "یک", "آن", "خود", "بود", "شده", "نیز", "وی", "گفت", "کند", "هم"]);
const ARABIC_WORDS = new Set(["في", "من", "على", "التي", "الذي", "إلى", "الى", "أن", "عن", "مع", "هذا", "هذه", "كان", "قد", "بين", "وقال", "قال", "ان", "أو", "لا", "ما", "التى", "تم", "حيث"]);
const URDU_WORDS = new Set(["ہے", "ہیں", "کے", "کی", "کا", "میں", "اور", "نے", "سے", "کو", "پر", "یہ", "وہ", "تھا", "گیا"]);

function arabicScriptLanguage(text: string): Lang {
  const words = text.split(/[^\p{L}\p{M}\u200c]+/u).filter(Boolean).map((w) => w.replace(/\u200c/g, ""));
  let fa = count(text, PERSIAN_LETTERS) * 2 + count(text, PERSIAN_YEH_KAF) * 0.5;
  let ar = count(text, ARABIC_LETTERS) * 1;
  let ur = count(text, URDU_LETTERS) * 2;
  for (const w of words) {
    if (PERSIAN_WORDS.has(w) || w.startsWith("می")) fa += 2;
    if (ARABIC_WORDS.has(w)) ar += 3;
    else if (w.startsWith("ال") || w.startsWith("وال") || w.startsWith("بال")) ar += 1;
    if (URDU_WORDS.has(w)) ur += 3;
  }
  // Urdu letters are the decisive cue: Persian and Arabic text has almost none of them.
  if (ur > fa && ur > ar) return "ur";
  if (fa === 0 && ar === 0) return "und";
  return fa > ar ? "fa" : "ar";
}

// ---- Latin script ---------------------------------------------------------------------------

const FRANC_LATIN: Record<string, Lang> = {
  eng: "en", fra: "fr", deu: "de", spa: "es", tur: "tr", uzn: "uz", tuk: "tk", azj: "az", hun: "hu",
};
/** Other Latin-script languages, so that Italian or Polish text comes out "und", not "es". */
const FRANC_LATIN_DISTRACTORS = ["ita", "por", "pol", "nld", "ron", "ces", "slk", "hrv", "swe", "ind"];
const LATIN_CANDIDATES = [...Object.keys(FRANC_LATIN), ...FRANC_LATIN_DISTRACTORS];

/** Uzbek Latin writes oʻ/gʻ with a turned comma; plain apostrophes stand in for it (weaker cue:
 * English has o'clock and O'Brien). */
const UZBEK_OG_STRONG = /[og][ʻ‘]/gi;
const UZBEK_OG_WEAK = /[og]['’`ʼ](?=\p{L})/giu;
const TURKISH_LETTERS = /[ğışİ]/g;
const HUNGARIAN_LETTERS = /[őűŐŰ]/g;
const AZERBAIJANI_LETTERS = /[əƏ]/g;
const TURKMEN_LETTERS = /[ňŇýÝžŽ]/g;

function latinLanguage(letters: string, raw: string): Lang {
  const total = letters.length;
  const az = count(letters, AZERBAIJANI_LETTERS);
  if (az >= 2 && az > total * 0.005) return "az";
  const tk = count(letters, TURKMEN_LETTERS);
  if (tk >= 2 && tk > total * 0.005 && /[äÄ]/.test(letters)) return "tk";
  const uzWords = (raw.match(/\b(va|bilan|uchun|ham|bo[ʻ‘’'`ʼ]yicha|o[ʻ‘’'`ʼ]rtasida)\b/gi) ?? []).length;
  const strong = count(raw, UZBEK_OG_STRONG), weak = count(raw, UZBEK_OG_WEAK);
  if ((strong >= 2 && strong + uzWords > total * 0.005) || (strong + weak >= 2 && uzWords >= 2)) return "uz";
  let ranked = francScores(letters.slice(0, FRANC_SAMPLE), LATIN_CANDIDATES, 3);
  const [trigramTop] = ranked[0] ?? ["und"];
  // Uzbek Latin writes o‘ g‘ or its function words in almost every sentence: without any of
  // them, trigrams that put Uzbek first (a foreign name's letters) defer to the next language.
  if (trigramTop === "uzn" && strong + weak + uzWords === 0) ranked = ranked.slice(1);
  const [topCode] = ranked[0] ?? ["und"];
  const tr = count(letters, TURKISH_LETTERS);
  // Turkish letters settle Turkish vs the others when trigrams hesitate.
  if (tr >= 2 && tr > total * 0.005 && topCode !== "azj" && topCode !== "tuk") return "tr";
  // Uzbek Latin has none of ğ ı ş: a short Turkish sentence that trigrams call Uzbek is Turkish.
  if (tr >= 1 && (trigramTop === "uzn" || !(topCode in FRANC_LATIN))) return "tr";
  // ő and ű are Hungarian letters only: with trigrams undecided they settle it.
  const hu = count(letters, HUNGARIAN_LETTERS);
  if (hu >= 1 && !(topCode in FRANC_LATIN)) return "hu";
  if (topCode in FRANC_LATIN) return FRANC_LATIN[topCode];
  // A distractor won: answer a target language only if it scored nearly as well.
  const target = ranked.find(([code]) => code in FRANC_LATIN);
  if (target && target[1] >= 0.95) return FRANC_LATIN[target[0]];
  return "und";
}

// ---- entry point ----------------------------------------------------------------------------

const LETTER_OR_MARK = /^[\p{L}\p{M}]$/u;
/** Whether each BMP code unit is a letter or mark (1/0; -1 not yet known). */
const letterOrMarkUnit = new Int8Array(0x10000).fill(-1);

/** Length of the code point at `at` if it is a letter or mark, else 0. */
function letterOrMarkWidth(s: string, at: number): number {
  const c = s.charCodeAt(at);
  if (c >= 0xd800 && c <= 0xdbff && at + 1 < s.length) {
    const d = s.charCodeAt(at + 1);
    if (d >= 0xdc00 && d <= 0xdfff) return LETTER_OR_MARK.test(s.slice(at, at + 2)) ? 2 : 0;
  }
  let v = letterOrMarkUnit[c];
  if (v < 0) {
    v = LETTER_OR_MARK.test(String.fromCharCode(c)) ? 1 : 0;
    letterOrMarkUnit[c] = v;
  }
  return v;
}

/** A language with how sure the guess is (0 none, 1 certain). */
export interface LanguageGuess {
  lang: Lang;
  confidence: number;
}

/** Letters below which trigram statistics say little: short texts are decided by letters alone. */
const SHORT_LETTERS = 24;

/** Detect the language of a text; "und" when there is too little to go on. */
export function detectLanguage(text: string): Lang {
  return identifyLanguage(text).lang;
}

/**
 * The language of a text and the confidence of the guess. A text of a few letters gets its best
 * guess with a low confidence (a short Cyrillic word is Russian unless a letter of another
 * language says otherwise), or "und" where the script alone does not point to one language
 * (a short Latin word); never a trigram verdict on a handful of letters.
 */
export function identifyLanguage(text: string): LanguageGuess {
  const head = text.length > MAX_CHARS ? text.slice(0, MAX_CHARS) : text;
  // Letters only (digits, punctuation and symbols say nothing about the language).
  const perScript: Record<Script, string[]> = { Cyrillic: [], Arabic: [], Latin: [], Han: [], Armenian: [] };
  // Words are runs of letters and marks (as /[\p{L}\p{M}]+/u would find them).
  for (let i = 0; i < head.length; ) {
    let w = letterOrMarkWidth(head, i);
    if (!w) {
      i++;
      continue;
    }
    const ws = i;
    do i += w;
    while (i < head.length && (w = letterOrMarkWidth(head, i)) > 0);
    const s = scriptOf(head.codePointAt(ws)!);
    if (s) perScript[s].push(head.slice(ws, i));
  }
  const letterCount = (s: Script) => perScript[s].reduce((n, w) => n + w.length, 0);
  // A Han character carries about a word's worth of text; weigh it like three letters.
  const weights: Array<[Script, number]> = [
    ["Cyrillic", letterCount("Cyrillic")],
    ["Arabic", letterCount("Arabic")],
    ["Latin", letterCount("Latin")],
    ["Han", letterCount("Han") * 3],
    ["Armenian", letterCount("Armenian")],
  ];
  weights.sort((a, b) => b[1] - a[1]);
  const [script, weight] = weights[0];
  if (weight < 3) return { lang: "und", confidence: 0 };
  const words = perScript[script];
  const letters = words.join(" ");
  // How much of the text the script holds, and how much text there is to go on.
  const total = weights.reduce((n, [, w]) => n + w, 0);
  const share = weight / total;
  const amount = Math.min(1, weight / (SHORT_LETTERS * 4));
  const short = weight < SHORT_LETTERS;
  const sure = (lang: Lang, base = 1): LanguageGuess => ({ lang, confidence: lang === "und" ? 0 : Math.round(base * share * (0.4 + 0.6 * amount) * 100) / 100 });
  switch (script) {
    case "Han":
      return sure("zh");
    case "Armenian":
      return sure("hy");
    case "Cyrillic":
      return short ? sure(shortCyrillic(letters), 0.5) : sure(cyrillicLanguage(words));
    case "Arabic":
      return sure(arabicScriptLanguage(letters), short ? 0.5 : 1);
    case "Latin":
      return short ? sure(shortLatin(letters), 0.5) : sure(latinLanguage(letters, head));
  }
}

/** Cyrillic letters that belong to one language only. */
const SHORT_CYRILLIC: Array<[RegExp, Lang]> = [[/[їєґ]/iu, "uk"], [/[ӣӯҷ]/iu, "tg"], [/[ў]/iu, "uz"], [/[әұһ]/iu, "kk"], [/[ңөү]/iu, "ky"]];
/** Latin letters that point to one language (ő ű are Hungarian only, ğ ı Turkish...). */
const SHORT_LATIN: Array<[RegExp, Lang]> = [[/[ə]/iu, "az"], [/[ňý]/iu, "tk"], [/[őű]/iu, "hu"], [/[ğı]/u, "tr"], [/[ñ]/iu, "es"], [/[ß]/u, "de"], [/[ʻ]/u, "uz"]];

/** A few Cyrillic letters: Russian unless a letter only another language has is there. */
function shortCyrillic(letters: string): Lang {
  for (const [re, lang] of SHORT_CYRILLIC) if (re.test(letters)) return lang;
  return "ru";
}

/** A few Latin letters: a language only where a letter of its own shows it. */
function shortLatin(letters: string): Lang {
  for (const [re, lang] of SHORT_LATIN) if (re.test(letters)) return lang;
  return "und";
}
