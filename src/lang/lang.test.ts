import { test } from "node:test";
import assert from "node:assert/strict";
import { detectLanguage, identifyLanguage } from "./index.js";
import type { Lang } from "../types.js";

// Sentences written for these tests: short agency-style reports.
const SAMPLES: Record<Exclude<Lang, "und">, string[]> = {
  en: [
    "The foreign minister held talks with his counterpart on Monday and discussed trade and border security.",
    "Both sides signed a memorandum on cooperation in energy and agreed to meet again next year.",
  ],
  ru: [
    "Министр иностранных дел провёл переговоры с коллегой и обсудил вопросы торговли и безопасности.",
    "Стороны подписали меморандум о сотрудничестве в энергетике и договорились встретиться в следующем году.",
  ],
  uk: [
    "Міністр закордонних справ провів переговори з колегою та обговорив питання торгівлі й безпеки.",
    "Сторони підписали меморандум про співпрацю в енергетиці і домовилися зустрітися наступного року.",
  ],
  kk: [
    "Сыртқы істер министрі әріптесімен келіссөздер жүргізіп, сауда және қауіпсіздік мәселелерін талқылады.",
    "Тараптар энергетика саласындағы ынтымақтастық туралы меморандумға қол қойды.",
  ],
  ky: [
    "Тышкы иштер министри кесиптеши менен сүйлөшүү жүргүзүп, соода жана коопсуздук маселелерин талкуулады.",
    "Тараптар энергетика тармагындагы кызматташтык боюнча меморандумга кол коюшту.",
  ],
  tg: [
    "Вазири корҳои хориҷӣ бо ҳамтои худ гуфтугӯ карда, масъалаҳои тиҷорат ва амниятро муҳокима намуд.",
    "Тарафҳо ёддошти тафоҳум оид ба ҳамкорӣ дар соҳаи энергетика имзо карданд.",
  ],
  uz: [
    "Tashqi ishlar vaziri hamkasbi bilan muzokaralar o‘tkazdi va savdo hamda xavfsizlik masalalarini muhokama qildi.",
    "Tomonlar energetika sohasidagi hamkorlik bo‘yicha memorandum imzoladi va keyingi yil yana uchrashishga kelishib oldi.",
  ],
  tr: [
    "Dışişleri Bakanı mevkidaşıyla görüştü ve iki ülke arasındaki ticaret ile güvenlik konularını ele aldı.",
    "Taraflar enerji alanında işbirliği mutabakat zaptı imzaladı ve gelecek yıl yeniden bir araya gelme kararı aldı.",
  ],
  fr: [
    "Le ministre des Affaires étrangères s'est entretenu avec son homologue et a évoqué le commerce et la sécurité.",
    "Les deux parties ont signé un mémorandum de coopération dans le domaine de l'énergie.",
  ],
  de: [
    "Der Außenminister führte Gespräche mit seinem Amtskollegen und erörterte Handel und Grenzsicherheit.",
    "Beide Seiten unterzeichneten eine Absichtserklärung über die Zusammenarbeit im Energiebereich.",
  ],
  es: [
    "El ministro de Asuntos Exteriores se reunió con su homólogo y abordó el comercio y la seguridad fronteriza.",
    "Ambas partes firmaron un memorando de cooperación en materia energética y acordaron volver a reunirse.",
  ],
  ar: [
    "أجرى وزير الخارجية محادثات مع نظيره وبحث معه سبل تعزيز التجارة والأمن على الحدود.",
    "ووقع الجانبان مذكرة تفاهم للتعاون في مجال الطاقة واتفقا على الاجتماع مجددا في العام المقبل.",
  ],
  fa: [
    "وزیر امور خارجه با همتای خود گفتگو کرد و درباره تجارت و امنیت مرزی رایزنی شد.",
    "دو طرف یک یادداشت تفاهم همکاری در زمینه انرژی امضا کردند و قرار است سال آینده دوباره دیدار کنند.",
  ],
  zh: [
    "外交部长与来访的外长举行会谈，双方就贸易和边境安全问题交换了意见。",
    "双方签署了能源领域合作谅解备忘录，并同意明年再次会晤。",
  ],
  hu: [
    "A külügyminiszter tárgyalásokat folytatott kollégájával, és megvitatták a kereskedelem és a határbiztonság kérdéseit.",
    "A felek együttműködési megállapodást írtak alá az energetika területén, és megegyeztek, hogy jövőre újra találkoznak.",
  ],
  tk: [
    "Daşary işler ministri kärdeşi bilen gepleşikleri geçirdi we söwda hem-de howpsuzlyk meselelerini ara alyp maslahatlaşdy.",
  ],
  az: [
    "Xarici işlər naziri həmkarı ilə danışıqlar apardı və ticarət və təhlükəsizlik məsələlərini müzakirə etdi.",
  ],
  ur: [
    "وزیر خارجہ نے اپنے ہم منصب سے ملاقات کی اور دونوں ممالک کے درمیان تجارت پر بات چیت ہوئی ہے۔",
  ],
  hy: [
    "Արտաքին գործերի նախարարը հանդիպում է ունեցել իր գործընկերոջ հետ և քննարկել առևտրի հարցերը։",
  ],
};

for (const [lang, sentences] of Object.entries(SAMPLES)) {
  test(`detects ${lang}`, () => {
    for (const s of sentences) assert.equal(detectLanguage(s), lang, s);
    assert.equal(detectLanguage(sentences.join(" ")), lang);
  });
}

test("a Russian article with an English menu line is Russian", () => {
  const page =
    "Home | News | World | Contact us | Subscribe\n12.05.2023 10:15\n" +
    SAMPLES.ru.join("\n") + "\nПрезидент также встретился с делегацией парламента.";
  assert.equal(detectLanguage(page), "ru");
});

test("a Kazakh place name in a Russian report keeps it Russian", () => {
  assert.equal(detectLanguage("Делегация прибыла в Астану, где прошли переговоры на площади Тәуелсіздік о сотрудничестве в энергетике и транспорте."), "ru");
});

test("digits and punctuation alone are undetermined", () => {
  assert.equal(detectLanguage("12.05.2023 10:15 — 1 234 567 | © 2023"), "und");
  assert.equal(detectLanguage(""), "und");
});

test("Italian is not forced into a target language", () => {
  assert.equal(detectLanguage("Il ministro degli esteri ha incontrato il suo omologo e hanno discusso della cooperazione economica tra i due paesi."), "und");
});

test("only the head of a long text is read", () => {
  const long = SAMPLES.ru.join(" ").repeat(200) + SAMPLES.en.join(" ").repeat(400);
  assert.equal(detectLanguage(long), "ru");
});

test("francScores gives franc's own scores, to the last digit", async () => {
  const { francAll } = await import("franc");
  const { francScores } = await import("./trigrams.js");
  const only = ["eng", "fra", "deu", "spa", "tur", "uzn", "tuk", "azj", "ita", "por", "pol"];
  const samples = [
    "The ministers met in the capital on Tuesday and agreed to expand trade between the two countries.",
    "Les ministres se sont rencontrés mardi et ont convenu d'élargir les échanges commerciaux.",
    "Die Außenminister trafen sich am Dienstag und vereinbarten, den Handel auszubauen.",
    "Los cancilleres se reunieron el martes y acordaron ampliar el comercio bilateral.",
    "Dışişleri bakanları salı günü bir araya gelerek ticareti genişletme konusunda anlaştı.",
    "Вчера министры встретились в столице и договорились расширить торговлю.",
    "Міністри зустрілися у вівторок і домовилися розширити торгівлю між країнами.",
    "وزيرا الخارجية التقيا يوم الثلاثاء واتفقا على توسيع التجارة",
    "12345 !!! ??? 2024-01-01",
    "short",
    "Mixed текст with 𝐛𝐨𝐥𝐝 letters and 中文 characters, ½ and µ.",
    "",
    // Lower-casing lengthens the sample ("İ" -> "i̇").
    "İSTANBUL İÇİN İŞBİRLİĞİ ".repeat(90),
    // Over a thousand distinct characters: trigrams past the packed-key range.
    // (two texts of 900 distinct Hangul syllables each within mostly Latin letters).
    "the talks were held in a friendly atmosphere ".repeat(26) + Array.from({ length: 900 }, (_, k) => String.fromCharCode(0xac00 + k)).join(""),
    "the talks were held in a friendly atmosphere ".repeat(26) + Array.from({ length: 900 }, (_, k) => String.fromCharCode(0xb000 + k)).join(""),
  ];
  // The samples as the language stage passes them (words joined by single spaces: cleaning only
  // lower-cases them), and a Greek capital sigma, which lower-cases to ς at a word's end ("ας"
  // and "ασ" are two trigrams), first: before the Hangul samples give later characters ids past
  // the packed range.
  const words = (s: string) => s.replace(/[^\p{L}\p{M}]+/gu, " ").trim();
  const sigma = "the talks were held in a friendly atmosphere ".repeat(4) + "ασ ΑΣ";
  // A sample cut after a word ends in a space.
  const cut = samples.map((s) => words(s) + " ");
  for (const s of [sigma, ...samples.map(words), ...cut, ...samples]) {
    for (const list of [only, ["rus", "ukr", "kaz", "kir", "tgk"], []]) {
      assert.deepEqual(francScores(s, list, 3), francAll(s, { only: list, minLength: 3 }), s);
    }
  }
  // Read from the words in place: the words' join, cut at the limit, gives the same scores (or
  // null: read that one as a string).
  const { francScoresOfWords } = await import("./trigrams.js");
  for (const s of [sigma, ...samples]) {
    const starts: number[] = [], ends: number[] = [];
    for (const m of s.matchAll(/[\p{L}\p{M}]+/gu)) {
      starts.push(m.index);
      ends.push(m.index + m[0].length);
    }
    const scripts = new Uint8Array(starts.length);
    for (const limit of [800, 40, 3]) {
      let joined = starts.map((a, k) => s.slice(a, ends[k])).join(" ");
      if (joined.length > limit) joined = joined.slice(0, limit);
      for (const list of [only, ["rus", "ukr", "kaz", "kir", "tgk"], []]) {
        const read = francScoresOfWords(s, Int32Array.from(starts), Int32Array.from(ends), scripts, starts.length, 0, limit, list, 3);
        if (read) assert.deepEqual(read, francAll(joined, { only: list, minLength: 3 }), joined);
      }
    }
  }
});

test("Uzbek and Tajik Cyrillic without their own letters are told apart by function words", () => {
  assert.equal(detectLanguage("Президент Мирзиёев билан учрашди. Бир қатор ҳужжатлар имзоланди ва ҳамкорлик масалалари муҳокама қилинди."), "uz");
  assert.equal(detectLanguage("Президент Раҳмон дар Душанбе бо ҳайат мулоқот кард ва оид ба ҳамкорӣ сухан ронд."), "tg");
});

test("a few letters give the best guess with a low confidence, never a trigram verdict", () => {
  // Short Cyrillic words are Russian unless a letter of another language is there.
  for (const w of ["Путин", "абвг", "мир", "Лавров", "МИД РФ"]) {
    const g = identifyLanguage(w);
    assert.equal(g.lang, "ru", w);
    assert.ok(g.confidence < 0.5, `${w}: ${g.confidence}`);
  }
  assert.equal(identifyLanguage("Київ").lang, "uk");
  assert.equal(identifyLanguage("Тоҷик").lang, "tg");
  // A short Latin word says nothing about its language, unless a letter does.
  for (const w of ["Boris", "Kovac", "ab cd"]) assert.equal(detectLanguage(w), "und", w);
  assert.equal(detectLanguage("Erdoğan"), "tr");
  assert.equal(detectLanguage("Győr"), "hu");
  // Four Cyrillic letters beside two Han characters: whichever wins, it is not a sure thing.
  assert.ok(identifyLanguage("абвг 中文").confidence < 0.5);
  // Running text is sure.
  assert.ok(identifyLanguage(SAMPLES.ru.join(" ")).confidence > 0.8);
  assert.ok(identifyLanguage(SAMPLES.hu.join(" ")).confidence > 0.8);
  assert.equal(identifyLanguage("").confidence, 0);
});

test("Slovak and Czech are not forced into Hungarian or another target language", () => {
  assert.equal(detectLanguage("Ministri zahraničných vecí sa stretli v Bratislave a rokovali o spolupráci v energetike a doprave."), "und");
});

test("a short Russian sentence without і ї є ґ is not Ukrainian", () => {
  assert.equal(detectLanguage("Путин поблагодарил Трампа за встречу на Аляске."), "ru");
  assert.equal(detectLanguage("Путін подякував Трампу за зустріч на Алясці."), "uk");
});

test("an English sentence with a foreign name is not Uzbek without an Uzbek letter or word", () => {
  assert.equal(detectLanguage("Chinese Foreign Minister Wang Yi held talks with visiting Namibian Foreign Minister Selma Ashipala-Musavyi in Windhoek on Sunday."), "en");
  assert.equal(detectLanguage("Prezident Shavkat Mirziyoyev Turkmaniston rahbari bilan uchrashdi va hamkorlikni muhokama qildi."), "uz");
});

test("lower-casing a text lower-cases its units one by one, but for İ, Σ and surrogates (what the counting relies on)", () => {
  const special: number[] = [];
  for (let c = 0; c < 0x10000; c++) {
    if (c >= 0xd800 && c <= 0xdfff) continue;
    const ch = String.fromCharCode(c);
    // In a word, at its end, and alone: a unit lower-cased in context is the unit lower-cased alone.
    const inText = `a${ch}b ${ch} x${ch}`;
    if (inText.toLowerCase() !== [...inText].map((u) => u.toLowerCase()).join("") || ch.toLowerCase().length !== 1) special.push(c);
    // Cyrillic letters lower-case to Cyrillic letters, and nothing else does.
    const lower = ch.toLowerCase().charCodeAt(0);
    const cyrillic = (x: number) => x >= 0x400 && x < 0x530;
    if (ch.toLowerCase().length === 1) assert.equal(cyrillic(lower), cyrillic(c), `U+${c.toString(16)}`);
  }
  assert.deepEqual(special, [0x130, 0x3a3]);
});

test("the same language whether the letters come cleaned or with punctuation and digits", () => {
  const clean = "Die Minister trafen sich in Berlin und sprachen über Handel und Energie";
  const noisy = "Die Minister trafen sich (in Berlin) am 5. März 2024 und sprachen über Handel, Energie – und 12 Abkommen!";
  assert.equal(detectLanguage(clean), "de");
  assert.equal(detectLanguage(noisy), "de");
  assert.equal(detectLanguage("ΣΥΝΑΝΤΗΣΗ Die Minister trafen sich in Berlin und sprachen über Handel"), "de");
});
