// Uzbek is written in Latin (official) and in Cyrillic (still common in the press). The
// lexicon's Uzbek phrases are Latin; their Cyrillic spelling is derived by the standard
// correspondence so that news in either script matches them.

const DIGRAPHS: Array<[RegExp, string]> = [
  [/o['‘’ʻ`]/g, "ў"],
  [/g['‘’ʻ`]/g, "ғ"],
  [/sh/g, "ш"],
  [/ch/g, "ч"],
  [/yo/g, "ё"],
  [/yu/g, "ю"],
  [/ya/g, "я"],
  [/ye/g, "е"],
];
const LETTERS: Record<string, string> = {
  a: "а", b: "б", d: "д", e: "е", f: "ф", g: "г", h: "ҳ", i: "и", j: "ж", k: "к", l: "л", m: "м", n: "н", o: "о",
  p: "п", q: "қ", r: "р", s: "с", t: "т", u: "у", v: "в", x: "х", y: "й", z: "з", c: "ц", w: "в",
};

/** The Cyrillic spelling of an Uzbek Latin phrase ("uchrashdi" -> "учрашди"); null when not Latin. */
export function uzbekCyrillic(latin: string): string | null {
  if (!/[a-z]/i.test(latin) || /[\u0400-\u04ff]/.test(latin)) return null;
  return latin
    .split(/(\s+)/)
    .map((word) => {
      const upper = /^\p{Lu}/u.test(word);
      let w = word.toLowerCase();
      // A word-initial e is э ("elchi" -> "элчи").
      w = w.replace(/^e/, "э");
      for (const [re, to] of DIGRAPHS) w = w.replace(re, to);
      // The glottal stop (tutuq belgisi) is ъ.
      w = w.replace(/['‘’ʻ`ʼ]/g, "ъ");
      w = [...w].map((ch) => LETTERS[ch] ?? ch).join("");
      return upper ? w.charAt(0).toUpperCase() + w.slice(1) : w;
    })
    .join("");
}
