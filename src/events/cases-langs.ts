// Regression sentences for Hungarian, Traditional Chinese and Turkish participles and titles, written by the Parley team (not
// taken from any source), in the format of cases.ts: a meeting, a phone call, a summons, a
// visit, a signing, and the modality traps, with Hungarian case endings on names and places.

import type { EventCase } from "./cases.js";

export const languageCases: EventCase[] = [
  // ---------------- Hungarian ----------------
  {
    lang: "hu",
    text: "Szergej Lavrov orosz külügyminiszter Szijjártó Péter magyar külügyminiszterrel tartott megbeszélést Bécsben.",
    expect: [{ type: "CONSULT", mode: "meeting", countries: ["HUN", "RUS"] }],
    note: "hu meeting, name with -val/-vel, family name first",
  },
  {
    lang: "hu",
    text: "Orbán Viktor miniszterelnök kedden telefonon tárgyalt a török elnökkel a gázszállításokról.",
    expect: [{ type: "CONSULT", mode: "phone", countries: ["HUN", "TUR"] }],
    note: "hu phone call",
  },
  {
    lang: "hu",
    text: "A lengyel külügyminisztérium bekérette Oroszország varsói nagykövetét.",
    expect: [{ type: "ACCUSE", mode: null, countries: ["POL", "RUS"] }],
    note: "hu summons of an ambassador (the ministry is not the minister)",
  },
  {
    lang: "hu",
    text: "A magyar külügyminiszter kétnapos hivatalos látogatásra érkezett Szlovákiába.",
    expect: [{ type: "CONSULT", mode: "visit", countries: ["HUN", "SVK"] }],
    note: "hu visit, direction ending on a lengthened final a",
  },
  {
    lang: "hu",
    text: "Magyarország és Szerbia energetikai együttműködési megállapodást írt alá Belgrádban.",
    expect: [{ type: "AGREE", mode: "sign", countries: ["HUN", "SRB"] }],
    note: "hu signing with a separated verb particle (írt alá)",
  },
  {
    lang: "hu",
    text: "A cseh kormány elítélte a Moszkvával kötött gázszerződést, és Oroszország ellen szankciókat sürgetett.",
    expect: [{ type: "ACCUSE", mode: null, countries: ["CZE", "RUS"] }],
    note: "hu condemnation, place name with -val",
  },
  {
    lang: "hu",
    text: "Szijjártó Péter jövő héten Pekingbe utazik, ahol kínai kollégájával tárgyal majd.",
    expect: [{ type: "CONSULT", mode: "meeting", countries: ["CHN", "HUN"], status: "planned" }],
    note: "hu future meeting is planned",
  },
  {
    lang: "hu",
    text: "A szlovák és ukrán külügyminiszter nem találkozott a pozsonyi konferencián.",
    expect: [{ type: "CONSULT", mode: "meeting", countries: ["SVK", "UKR"], status: "denied" }],
    note: "hu negated meeting",
  },
  {
    lang: "hu",
    text: "Szijjártó Péter a szlovák külügyminiszterrel Ukrajnáról tárgyalt Pozsonyban.",
    expect: [{ type: "CONSULT", mode: "meeting", countries: ["HUN", "SVK"] }],
    note: "hu the country talked about (-ról/-ről) is not a side",
  },
  {
    lang: "hu",
    text: "Vlagyimir Putyin orosz elnök Hszi Csin-ping kínai elnökkel tárgyalt Pekingben.",
    expect: [{ type: "CONSULT", mode: "meeting", countries: ["CHN", "RUS"] }],
    note: "hu names in Hungarian transliteration",
  },
  // ---------------- Chinese (Traditional) ----------------
  {
    lang: "zh",
    text: "日本外務大臣與紐西蘭外交部長週二在東京舉行會談，雙方就區域安全問題交換了意見。",
    expect: [{ type: "CONSULT", mode: "meeting", countries: ["JPN", "NZL"] }],
    note: "zh-Hant meeting, Taiwan country name",
  },
  {
    lang: "zh",
    text: "義大利總理與沙烏地阿拉伯王儲通電話，討論能源合作。",
    expect: [{ type: "CONSULT", mode: "phone", countries: ["ITA", "SAU"] }],
    note: "zh-Hant phone call, Taiwan names of Italy and Saudi Arabia",
  },
  {
    lang: "zh",
    text: "菲律賓外交部召見中國駐馬尼拉大使，就南海事件提出嚴正抗議。",
    expect: [{ type: "ACCUSE", mode: null, countries: ["CHN", "PHL"] }],
    note: "zh-Hant summons and protest",
  },
  {
    lang: "zh",
    text: "越南國家主席抵達北京，開始對中國進行國事訪問。",
    expect: [{ type: "CONSULT", mode: "visit", countries: ["CHN", "VNM"] }],
    note: "zh-Hant state visit",
  },
  // ---------------- Turkish ----------------
  {
    lang: "tr",
    text: "Dışişleri Bakanlığı, İran'ın Ankara Büyükelçisini Bakanlığa çağırdı.",
    expect: [{ type: "ACCUSE", mode: null, countries: ["IRN", "TUR"] }],
    note: "tr summons: the ministry is no minister, the ambassador's country stands before the capital",
  },
  {
    lang: "tr",
    text: "Rusya'yı ziyaret eden Cumhurbaşkanı Erdoğan, Putin ile Soçi'de görüştü.",
    expect: [{ type: "CONSULT", mode: "visit", countries: ["RUS", "TUR"] }, { type: "CONSULT", mode: "meeting", countries: ["RUS", "TUR"] }],
    note: "tr participle of a visit and a meeting in one sentence",
  },
  {
    lang: "tr",
    text: "Azerbaycan Dışişleri Bakanı, Türk mevkidaşıyla telefonda görüştüğünü açıkladı.",
    expect: [{ type: "CONSULT", mode: "phone", countries: ["AZE", "TUR"] }],
    note: "tr phone call in a reported participle",
  },
  {
    lang: "tr",
    text: "NATO, Türkiye ile dayanışma içinde olduğunu açıkladı.",
    expect: [{ type: "SUPPORT", mode: null, countries: ["NATO", "TUR"] }],
    note: "tr solidarity",
  },
  {
    lang: "tr",
    text: "Erdoğan, Aliyev'i tebrik etti.",
    expect: [{ type: "SUPPORT", mode: null, countries: ["AZE", "TUR"] }],
    note: "tr short sentence with one Turkish letter is Turkish, not Uzbek",
  },
  {
    lang: "tr",
    text: "Rusya'nın Ankara Büyükelçisi Dışişleri Bakanlığına çağrıldı.",
    expect: [{ type: "ACCUSE", mode: null, countries: ["RUS", "TUR"] }],
    note: "tr summons (passive); the ministry's name is not the ambassador's",
  },
  // ---------------- Ukrainian ----------------
  {
    lang: "uk",
    text: "Кулеба обговорив з Сійярто ситуацію на кордоні.",
    expect: [{ type: "CONSULT", mode: "meeting", countries: ["HUN", "UKR"] }],
    note: "uk masculine past tense of 'discussed'",
  },
  {
    lang: "uk",
    text: "Міністр закордонних справ Литви викликав посла Білорусі.",
    expect: [{ type: "ACCUSE", mode: null, countries: ["BLR", "LTU"] }],
    note: "uk summons, masculine verb",
  },
];
