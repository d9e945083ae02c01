// Person names the lexicon does not know: their Latin spelling (transliteration from Cyrillic,
// Arabic, Persian and Chinese), their nominative form, and the forms a later mention by surname
// may take (Russian case endings, Arabic and Persian clitics, Turkish suffixes after an apostrophe).

import { createRequire } from "node:module";
import { fold } from "../text/normalize.js";

// Cyrillic -> Latin, close to the usual English spelling of Central Asian and Russian names.
const CYR: Record<string, string> = {
  а: "a", б: "b", в: "v", г: "g", д: "d", е: "e", ё: "yo", ж: "zh", з: "z", и: "i", й: "y", к: "k", л: "l", м: "m",
  н: "n", о: "o", п: "p", р: "r", с: "s", т: "t", у: "u", ф: "f", х: "kh", ц: "ts", ч: "ch", ш: "sh", щ: "shch",
  ъ: "", ы: "y", ь: "", э: "e", ю: "yu", я: "ya", ә: "a", ғ: "gh", қ: "q", ң: "ng", ө: "o", ұ: "u", ү: "u", һ: "h",
  і: "i", ӣ: "i", ӯ: "u", ҳ: "h", ҷ: "j", ў: "o", ї: "yi", є: "ye", ґ: "g",
};

function cyrillicToLatin(name: string): string {
  let out = "";
  for (const ch of name) {
    const lower = ch.toLowerCase();
    const t = CYR[lower];
    if (t === undefined) out += ch;
    else out += ch !== lower && t ? t[0].toUpperCase() + t.slice(1) : t;
  }
  return out;
}

// Arabic and Persian letters -> Latin consonants; vowels (alef, waw, yeh) are read in context.
const AR_CONSONANT: Record<string, string> = {
  ب: "b", ت: "t", ث: "th", ج: "j", ح: "h", خ: "kh", د: "d", ذ: "dh", ر: "r", ز: "z", س: "s", ش: "sh", ص: "s",
  ض: "d", ط: "t", ظ: "z", غ: "gh", ف: "f", ق: "q", ك: "k", ک: "k", ل: "l", م: "m", ن: "n", ه: "h", ھ: "h",
  پ: "p", چ: "ch", ژ: "zh", گ: "g", ء: "", ئ: "y", ؤ: "w",
};
const AR_VOWEL = new Set(["ا", "أ", "إ", "آ", "ٱ", "و", "ي", "ی", "ى", "ة", "ع"]);
// Given names and name particles whose spelling rules cannot guess (short vowels are not written).
const AR_KNOWN: Record<string, string> = {
  محمد: "Mohammed", احمد: "Ahmed", علي: "Ali", حسن: "Hassan", حسين: "Hussein", عمر: "Omar", عثمان: "Osman",
  يوسف: "Yousef", ابراهيم: "Ibrahim", مصطفي: "Mustafa", محمود: "Mahmoud", خالد: "Khaled", سعيد: "Saeed",
  عباس: "Abbas", جواد: "Javad", رضا: "Reza", مهدي: "Mahdi", فيصل: "Faisal", فواد: "Fuad", سامح: "Sameh",
  عادل: "Adel", ناصر: "Nasser", جمال: "Jamal", طارق: "Tariq", كريم: "Karim", سلمان: "Salman", عبدالله: "Abdullah",
  مسعود: "Masoud", مجيد: "Majid", محسن: "Mohsen", امير: "Amir", سيد: "Seyed", محمدجواد: "Mohammad Javad",
  محمدرضا: "Mohammad Reza", اسماعيل: "Ismail", بدر: "Badr", نبيل: "Nabil", وليد: "Walid", هشام: "Hisham",
  بن: "bin", ابن: "ibn", ابو: "Abu", ولد: "Ould", عبد: "Abdul", حمد: "Hamad", زايد: "Zayed", سعود: "Saud",
  نهيان: "Nahyan", ثاني: "Thani", صباح: "Sabah", خليفه: "Khalifa", يحيي: "Yahya", موسي: "Musa", عيسي: "Isa",
  حسام: "Hossam", فرحان: "Farhan", اسعد: "Asaad", بسام: "Bassam", شكري: "Shoukry",
};

/** Latin letters for one Arabic-script word, by rule (consonants, and vowels from alef/waw/yeh). */
function arabicWord(word: string, persian: boolean): string {
  const known = AR_KNOWN[fold(word)];
  if (known) return known;
  const chars = [...word.replace(/[\u064b-\u065f\u0670\u0640\u200c]/g, (m) => (m === "\u0651" ? "\u0651" : ""))];
  let out = "";
  let prevConsonant = false;
  for (let i = 0; i < chars.length; i++) {
    const c = chars[i];
    const next = chars[i + 1];
    const nextIsConsonant = next !== undefined && next !== "\u0651" && !AR_VOWEL.has(next);
    if (c === "\u0651") {
      out += out.slice(-1); // shadda: the consonant is doubled
      continue;
    }
    if (c === "ا" || c === "أ" || c === "آ" || c === "ٱ" || c === "ى") {
      out += "a";
      prevConsonant = false;
    } else if (c === "إ") {
      out += "i";
      prevConsonant = false;
    } else if (c === "ع") {
      if (i === 0) out += nextIsConsonant ? "a" : "";
      else out += prevConsonant && nextIsConsonant ? "a" : "";
      prevConsonant = false;
    } else if (c === "و") {
      if (i === 0 || !prevConsonant) {
        out += "w";
        prevConsonant = true;
      } else {
        out += persian ? "o" : "ou";
        prevConsonant = false;
      }
    } else if (c === "ي" || c === "ی") {
      if (i === 0 || !prevConsonant || (next && (next === "ا" || next === "و"))) {
        out += "y";
        prevConsonant = true;
      } else {
        out += "i";
        prevConsonant = false;
      }
    } else if (c === "ة") {
      out += "a";
      prevConsonant = false;
    } else if (c === "ه" && i === chars.length - 1 && i > 0) {
      out += persian ? "eh" : "ah";
      prevConsonant = false;
    } else {
      const latin = AR_CONSONANT[c];
      if (latin === undefined) {
        out += c;
        continue;
      }
      // Two consonants at the start of a word have a short vowel between them, and so do the
      // last two after a long a ("سالم" Salem, "خالد" Khaled).
      if (prevConsonant && i === 1) out += "a";
      else if (prevConsonant && i === chars.length - 1 && i >= 2 && "اآ".includes(chars[i - 2])) out += "e";
      out += latin;
      prevConsonant = latin !== "";
    }
  }
  return out ? out[0].toUpperCase() + out.slice(1) : out;
}

/** Latin spelling of an Arabic or Persian name: known given names, "al-", "Abdul...", rules for the rest. */
function arabicToLatin(name: string, persian: boolean): string {
  const words = name.trim().split(/\s+/);
  const out: string[] = [];
  for (let i = 0; i < words.length; i++) {
    const w = words[i];
    const f = fold(w);
    // "عبد العزيز" -> "Abdulaziz", "عبد الله" -> "Abdullah".
    if (f === "عبد" && words[i + 1] && fold(words[i + 1]).startsWith("ال")) {
      const rest = arabicWord(words[i + 1].replace(/^(ال|اَل)/, ""), persian).toLowerCase();
      out.push(fold(words[i + 1]) === "الله" ? "Abdullah" : "Abdul" + rest);
      i++;
      continue;
    }
    if (f.startsWith("ال") && f.length > 3 && i > 0) {
      out.push("al-" + arabicWord(w.replace(/^ال/, ""), persian));
      continue;
    }
    out.push(arabicWord(w, persian));
  }
  return out.join(" ");
}

// Pinyin of the Chinese names met, remembered (pinyin-pro segments the text each time; the
// same names recur in a document and across documents).
const chineseNames = new Map<string, string>();

/** Pinyin of a Chinese name: "王毅" -> "Wang Yi", "杨洁篪" -> "Yang Jiechi"; foreign names by part. */
function chineseToLatin(name: string): string {
  let latin = chineseNames.get(name);
  if (latin === undefined) {
    if (chineseNames.size >= 20_000) chineseNames.clear();
    chineseNames.set(name, (latin = pinyinName(name)));
  }
  return latin;
}

// pinyin-pro is loaded on the first Chinese name met, not with the pipeline: its dictionaries
// take about 0.1 s to load, which every run would otherwise pay at start-up, Chinese or not.
// (Its CommonJS build, which can be loaded synchronously; the pipeline is synchronous.)
const requireHere = createRequire(import.meta.url);
let pinyinLoaded: typeof import("pinyin-pro").pinyin | null = null;
const pinyin: typeof import("pinyin-pro").pinyin = ((...args: Parameters<typeof import("pinyin-pro").pinyin>) =>
  (pinyinLoaded ??= (requireHere("pinyin-pro") as typeof import("pinyin-pro")).pinyin)(...args)) as typeof import("pinyin-pro").pinyin;

function pinyinName(name: string): string {
  const cap = (s: string) => (s ? s[0].toUpperCase() + s.slice(1) : s);
  const parts = name.split(/[·・•]/).filter(Boolean);
  if (parts.length > 1) return parts.map((p) => cap((pinyin(p, { toneType: "none", type: "array" }) as string[]).join(""))).join(" ");
  const syl = pinyin(name, { toneType: "none", type: "array", surname: "head" }) as string[];
  if (syl.length <= 1) return cap(syl.join(""));
  // A two-character surname (欧阳, 司马...) when the name has four characters.
  const surnameLength = syl.length === 4 ? 2 : 1;
  return cap(syl.slice(0, surnameLength).join("")) + " " + cap(syl.slice(surnameLength).join(""));
}

const HAN = /\p{Script=Han}/u;
const ARABIC = /[\u0600-\u06ff]/;
const PERSIAN_LETTERS = /[پچژگکی]/;

/** Latin spelling of a name written in Cyrillic, Arabic, Persian or Chinese (Latin names are returned as they are). */
export function transliterate(name: string, lang?: string): string {
  if (/[\u0400-\u04ff]/.test(name)) return cyrillicToLatin(nominative(name));
  if (ARABIC.test(name)) return arabicToLatin(name, lang === "fa" || lang === "tg" || PERSIAN_LETTERS.test(name));
  if (HAN.test(name)) return chineseToLatin(name);
  return name;
}

/**
 * The nominative of a Russian or Ukrainian masculine name written in another case: "с Петером
 * Сийярто", «Сергеем Лавровым» (instrumental); «вызвало посла Алексея Федотова», «статьи
 * Роберта Ондрейчака» (genitive or accusative); «Сергею Лаврову» (dative); «о Сергее Лаврове»
 * (prepositional). The surname's ending says the case; a surname in -ова/-ина is a woman's in
 * the nominative («Мария Захарова») unless the given name («Алексея») or the title before it
 * («посла», «министра») is itself in an oblique case. A name that does not fit stays as written.
 */
export function nominative(name: string, title?: string): string {
  const words = name.split(/\s+/);
  const declined = words.filter((w) => /[бвгджзклмнпрстфхцчшщ](ом|ым|им)$|[аеиоуя]ем$/i.test(w));
  const indeclinable = (w: string) => /[оиуэюе]$/i.test(w);
  if (declined.length && declined.length + words.filter(indeclinable).length >= words.length)
    return words.map((w) => (!declined.includes(w) ? w : /ем$/i.test(w) ? w.slice(0, -2) + "й" : w.slice(0, -2))).join(" ");
  if (words.length < 2) return name;
  const surname = words[words.length - 1];
  const given = words.slice(0, -1);
  const oblique = obliqueCase(surname, given[0], title);
  if (!oblique) return name;
  return [...given.map((w) => givenNominative(w, oblique)), surnameNominative(surname, oblique)].join(" ");
}

type Oblique = "gen" | "dat" | "prep";
const CONSONANT = "[бвгджзклмнпрстфхцчшщ]";
/** Titles whose nominative ends in -а/-я, so that ending does not make them oblique. */
const TITLE_NOMINATIVE_A = /^(глава|замминистра|судья|голова|заступника)$/i;

/** The case of a masculine name, read from its surname (and, where that is ambiguous, its given name or title). */
function obliqueCase(surname: string, given: string, title?: string): Oblique | null {
  if (/(ск|цк)(ого|ей)$|его$/i.test(surname) && !/ей$/i.test(surname)) return "gen";
  if (/(ск|цк)ому$|(ов|ев|ёв|ин|ын)у$/i.test(surname)) return /[ую]$/i.test(given) ? "dat" : null;
  if (/(ов|ев|ёв|ин|ын)е$/i.test(surname)) return /е$/i.test(given) ? "prep" : null;
  const titleWord = title?.trim().split(/\s+/)[0] ?? "";
  const titleOblique = /[аяы]$/i.test(titleWord) && !TITLE_NOMINATIVE_A.test(titleWord);
  if (/(ов|ев|ёв|ин|ын)а$/i.test(surname)) return /[еа]я$/i.test(given) || (titleOblique && (/[еа]я$/i.test(given) || new RegExp(`${CONSONANT}а$`, "i").test(given))) ? "gen" : null;
  // A surname that does not decline («Сийярто», «Порошенко») after a title in an oblique case:
  // the given name alone shows it («министра Петера Сийярто»).
  if (/[оиуэюе]$/i.test(surname) && titleOblique && new RegExp(`${CONSONANT}а$`, "i").test(given)) return "gen";
  // A surname of a consonant and -а («Ондрейчака») with a given name in -а or -я: a man's genitive.
  if (new RegExp(`${CONSONANT}а$`, "i").test(surname) && /[ая]$/i.test(given) && !/ия$/i.test(given)) return "gen";
  return null;
}

function givenNominative(w: string, c: Oblique): string {
  const irregular: Record<string, string> = { петра: "Петр", павла: "Павел", льва: "Лев", петру: "Петр", павлу: "Павел", петре: "Петр", павле: "Павел" };
  const hit = irregular[w.toLowerCase()];
  if (hit) return hit;
  const end = c === "gen" ? ["а", "я"] : c === "dat" ? ["у", "ю"] : ["е", "е"];
  const low = w.toLowerCase();
  // Алексея/Алексею/Алексее -> Алексей; Николая -> Николай; Дмитрия -> Дмитрий.
  if (low.endsWith("е" + end[1]) || low.endsWith("а" + end[1])) return w.slice(0, -1) + "й";
  if (low.endsWith("и" + end[1])) return w.slice(0, -1) + "й";
  // Игоря -> Игорь; Викторовича, Роберта, Сергею? (handled above) -> drop the ending.
  if (new RegExp(`${CONSONANT}${end[1]}$`, "i").test(w) && end[1] !== end[0]) return w.slice(0, -1) + "ь";
  if (new RegExp(`${CONSONANT}${end[0]}$`, "i").test(w)) return w.slice(0, -1);
  return w;
}

function surnameNominative(w: string, c: Oblique): string {
  if (c === "gen") return /(ск|цк)ого$/i.test(w) ? w.slice(0, -3) + "ий" : /его$/i.test(w) ? w.slice(0, -3) + "ий" : /[оиуэюе]$/i.test(w) ? w : w.slice(0, -1);
  if (c === "dat") return /(ск|цк)ому$/i.test(w) ? w.slice(0, -3) + "ий" : w.slice(0, -1);
  return w.slice(0, -1);
}

// Russian, Ukrainian and Kazakh case endings a surname may take, longest first.
const SLAVIC_ENDINGS = ["ому", "ого", "ым", "ом", "ой", "ем", "им", "ею", "ою", "а", "у", "е", "ы", "ю", "я", "и"];
// Clitics written onto Arabic-script words (و ف ب ل ك) and the article.
const AR_CLITICS = ["وال", "بال", "لل", "ال", "و", "ف", "ب", "ل", "ك"];

/**
 * Whether surnameKeys(word) is [word] by its script alone: the word has no Cyrillic
 * (U+0400-04FF) and no Arabic (U+0600-06FF) code unit. Read in place, without a lookup.
 */
export function hasNoSurnameForms(word: string): boolean {
  for (let i = 0; i < word.length; i++) {
    const c = word.charCodeAt(i);
    if ((c >= 0x0400 && c <= 0x04ff) || (c >= 0x0600 && c <= 0x06ff)) return false;
  }
  return true;
}

/**
 * The forms of a folded name word to compare with a surname: the word itself, in Cyrillic without
 * a case ending, in Arabic script without a clitic, in Turkish without the suffix after an
 * apostrophe (the apostrophe is already folded away, so the stem is the name's own length).
 */
export function surnameKeys(word: string): string[] {
  const out = [word];
  if (/[\u0400-\u04ff]/.test(word)) {
    for (const e of SLAVIC_ENDINGS) if (word.endsWith(e) && word.length - e.length >= 3) {
      out.push(word.slice(0, -e.length));
      break;
    }
  } else if (ARABIC.test(word)) {
    for (const c of AR_CLITICS) if (word.startsWith(c) && word.length - c.length >= 3) out.push(word.slice(c.length));
  }
  return out;
}
