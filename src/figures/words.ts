// Word lists for the figures stage: scale words, currencies, measure units, countable nouns,
// number words, and the cues for `what` and `year`. Entries are written as printed; they are
// folded (src/text/normalize.ts) when the tables are built. A trailing "*" means "any word that
// starts with this"; otherwise the folded word must be equal.

import type { Lang } from "../types.js";

/** Scale words: the number before them is multiplied. Short or ambiguous ones are per language. */
export const SCALE_WORDS: Record<string, number> = {
  // English and Latin-script abbreviations used across languages.
  thousand: 1e3, thousands: 1e3, million: 1e6, millions: 1e6, billion: 1e9, billions: 1e9,
  trillion: 1e12, trillions: 1e12, mn: 1e6, mln: 1e6, bn: 1e9, mlrd: 1e9, tn: 1e12, trln: 1e12,
  // Russian, Ukrainian, Tajik, Kazakh, Kyrgyz (folded: й->и, ң->н, і->и).
  "тыс": 1e3, "тысяч": 1e3, "тысяча": 1e3, "тысячи": 1e3, "тысячу": 1e3, "млн": 1e6, "млрд": 1e9, "трлн": 1e12,
  "миллион*": 1e6, "миллиард*": 1e9, "триллион*": 1e12,
  "тис": 1e3, "тисяч*": 1e3, "мільйон*": 1e6, "мільярд*": 1e9, "трильйон*": 1e12,
  "ҳазор": 1e3, "мың": 1e3, "миң": 1e3,
  // Uzbek, Turkish, Azerbaijani.
  ming: 1e3, "million*": 1e6, "milliard*": 1e9, "trillion*": 1e12,
  "milyon*": 1e6, "milyar*": 1e9, "trilyon*": 1e12,
  // French, German, Spanish.
  mille: 1e3, md: 1e9, mds: 1e9, "tausend": 1e3, mio: 1e6, mrd: 1e9,
  "millionen": 1e6, "milliarde": 1e9, "milliarden": 1e9, "billionen": 1e12,
  "millón": 1e6, "millones": 1e6, "billón": 1e12, "billones": 1e12,
  // Arabic (folded: أ->ا, ة->ه) and Persian.
  "ألف": 1e3, "آلاف": 1e3, "مليون": 1e6, "ملايين": 1e6, "مليار": 1e9, "مليارات": 1e9, "تريليون": 1e12,
  "هزار": 1e3, "میلیون": 1e6, "میلیارد": 1e9, "تریلیون": 1e12,
};

/** Scale words that are common words elsewhere: only in these languages. */
export const SCALE_WORDS_BY_LANG: Partial<Record<Lang, Record<string, number>>> = {
  tr: { bin: 1e3 }, az: { min: 1e3 }, tk: { müň: 1e3 },
  es: { mil: 1e3 },
  de: { million: 1e6, billion: 1e12 }, // German Billion is 10^12
};

/** Arabic dual scale words, which carry the number two themselves ("ملياري دولار"). */
export const ARABIC_DUAL_SCALES: Record<string, number> = {
  "ألفا": 2e3, "ألفي": 2e3, "مليونا": 2e6, "مليوني": 2e6, "مليارا": 2e9, "ملياري": 2e9,
};

/** Currency words and codes after a number (or before it, for symbols and codes). */
export const CURRENCY_WORDS: Record<string, string[]> = {
  USD: ["dollar*", "долл*", "доллар*", "دولار*", "دلار*", "dolar*", "dólar*", "usd", "美元"],
  EUR: ["euro*", "евро", "يورو", "یورو", "yevro", "evro", "avro", "eur", "欧元"],
  GBP: ["sterling", "стерлинг*", "sterlin*", "استرليني", "استرلینی", "gbp", "英镑", "pound*", "фунт*", "pfund", "livres", "libras"],
  RUB: ["rouble*", "ruble*", "рубл*", "руб", "روبل", "rubl*", "rubel", "rublo*", "rub", "卢布"],
  CNY: ["yuan", "юан*", "يوان", "یوان", "cny", "rmb", "人民币"],
  TJS: ["somoni", "сомони*", "tjs"],
  KZT: ["tenge", "теңге*", "тенге", "kzt"],
  UZS: ["сўм", "сўмга", "сўмни", "uzs", "сумов"],
  KGS: ["сом", "сомов", "сома", "kgs"],
  AED: ["dirham*", "درهم*", "дирхам*", "dirhem*", "aed"],
  SAR: ["riyal*", "риял*", "sar"],
  IRR: ["rial*", "риал*", "irr"],
  TRY: ["lira*", "лир", "лиры", "лира", "ليره", "لیر", "try", "tl"],
  INR: ["rupee*", "рупи*", "inr"],
  PKR: ["pkr"],
  JPY: ["yen", "иен*", "ين", "jpy", "日元"],
  AFN: ["afghani*", "афгани", "افغانی", "afn"],
  AZN: ["manat*", "манат*", "azn"],
  UAH: ["hryvni*", "гривн*", "гривен", "грн", "uah"],
  EGP: ["egp"],
  QAR: ["qar"],
  CHF: ["chf"],
};

/** Currency symbols written before (or, in some languages, after) the number. */
export const CURRENCY_SYMBOLS: Record<string, string> = {
  $: "USD", "€": "EUR", "£": "GBP", "₽": "RUB", "₸": "KZT", "₹": "INR", "¥": "JPY", "₺": "TRY", "₼": "AZN",
};

/** Currency codes/abbreviations written before the number ("USD 100 bn", "Rs 1,100"). */
export const CURRENCY_PREFIX_WORDS: Record<string, string> = {
  usd: "USD", us: "USD", eur: "EUR", gbp: "GBP", rub: "RUB", cny: "CNY", rmb: "CNY", aed: "AED",
  sar: "SAR", tjs: "TJS", kzt: "KZT", uzs: "UZS", kgs: "KGS", inr: "INR", rs: "INR", pkr: "PKR",
  try: "TRY", jpy: "JPY", chf: "CHF", qar: "QAR", egp: "EGP", irr: "IRR", afn: "AFN", azn: "AZN", uah: "UAH",
};

/** Physical units. Persian تن (tonne, but also a counter for people) is decided in code. */
export const MEASURE_WORDS: Record<string, string[]> = {
  tonnes: ["tonn*", "tons", "ton", "тонн*", "тонна*", "طن", "اطنان", "أطنان", "طنا", "tonelada*", "吨"],
  km: ["km", "км", "kilomet*", "kilomèt*", "километр*", "كم", "كيلومتر*", "کیلومتر*", "kilómetro*", "公里", "千米"],
  // Gas volumes: "20 billion cubic metres", "кубометров", "Kubikmeter", "metreküp".
  m3: ["cubic", "кубометр*", "кубических", "kubikmeter*", "metreküp*", "kub", "кубомет*", "bcm"],
  doses: ["dose", "doses", "доз", "дозы", "доза", "дозу", "جرعه", "جرعات", "دوز", "doza*", "dosen", "dosis", "剂"],
};

/** Nouns counting people: unit "persons". */
export const PERSON_NOUNS: string[] = [
  // en
  "people", "persons", "person", "individuals", "tourist*", "troops", "soldier*", "servicemen", "personnel",
  "refugee*", "migrant*", "workers", "students", "children", "civilian*", "citizens", "nationals", "passenger*",
  "pilgrim*", "prisoner*", "detainee*", "hostage*", "victims", "dead", "killed", "injured", "wounded", "girls",
  "boys", "residents", "visitors", "посетител*", "ziyaretçi*", "zoir*", "زائر*", "visiteurs", "besucher", "visitantes", "volunteers", "peacekeepers", "militants", "doctors", "specialists",
  // ru/uk
  "человек", "людей", "граждан*", "турист*", "военнослужащ*", "военных", "солдат*", "беженц*", "мигрант*",
  "студент*", "детей", "дети", "ребенка", "пассажир*", "паломник*", "заложник*", "погибш*", "пострадавш*",
  "раненых", "жертв", "специалист*", "миротворц*", "боевик*", "осіб", "громадян*", "біженц*", "військових",
  // tg
  "нафар", "одам", "шаҳрванд*", "сайёҳ*", "муҳоҷир*", "донишҷӯ*", "сарбоз*", "кушташуда*",
  // uz
  "kishi", "nafar", "odam", "fuqaro*", "turist*", "sayyoh*", "muhojir*", "talaba*", "askar*", "yo'lovchi*",
  "киши", "фуқаро*", "сайёҳ*",
  // kk/ky
  "адам", "азамат*", "жолаушы*", "жаран*",
  // tr
  "kişi", "insan", "vatandaş*", "asker*", "göçmen*", "mülteci*", "öğrenci*", "işçi*", "yolcu*", "şehit*", "yaralı*",
  // fr
  "personnes", "militaires", "soldats", "touristes", "réfugiés", "migrants", "étudiants", "civils",
  "ressortissants", "passagers", "victimes", "morts", "blessés", "otages", "enfants", "habitants",
  // de
  "menschen", "personen", "soldaten", "touristen", "flüchtling*", "migranten", "studierende", "zivilisten",
  "passagiere", "todesopfer", "tote", "verletzte", "kinder", "einwohner",
  // es
  "personas", "soldados", "militares", "turistas", "refugiados", "migrantes", "estudiantes", "civiles",
  "ciudadanos", "pasajeros", "víctimas", "muertos", "heridos", "niños", "habitantes",
  // ar (folded forms are produced at build time)
  "شخص", "شخصا", "أشخاص", "مواطن*", "لاجئ*", "جندي*", "جنود", "سائح*", "سياح", "طالب*", "طلاب", "قتيل*",
  "قتلى", "مصاب*", "جريح*", "جرحى", "عامل", "عمال", "طفل*", "أطفال", "حاج*", "حجاج", "راكب*", "ركاب", "نسمة",
  "أفراد", "عسكري*", "مهاجر*", "سجين*", "سجناء", "رهائن", "ضحايا", "شهيد*", "شهداء",
  // fa
  "نفر", "شهروند*", "گردشگر*", "توریست*", "سرباز*", "پناهجو*", "دانشجو*", "کارگر*", "کشته", "زخمی",
  "مسافر*", "زائر*", "کودک*", "زندانی*", "گروگان*",
];

/** Countable things: unit "count". */
export const COUNT_NOUNS: string[] = [
  // en
  "agreement*", "document*", "memorand*", "mou", "mous", "decision*", "delegation*", "truck*", "vessel*",
  "ship*", "compan*", "project*", "enterprise*", "school*", "aircraft", "plane*", "flight*", "contract*",
  "deal*", "treaty", "treaties", "accord*", "protocol*", "resolution*", "draft*", "units", "container*",
  "wagon*", "drone*", "missile*", "hospital*", "factories", "factory", "entities", "organisations", "organizations",
  "investment projects",
  // ru
  "соглашени*", "документ*", "меморандум*", "договор", "договора", "договоров", "договоры", "решени*", "делегаци*", "грузовик*", "компани*",
  "предприяти*", "проект*", "школ*", "самолет*", "рейс*", "контракт*", "протокол*", "резолюци*", "вагон*",
  "контейнер*", "беспилотник*", "дрон*", "ракет*", "единиц*", "судов", "соглашений", "межправсоглашени*",
  // uk
  "угод*", "рішен*",
  // tg
  "санад*", "созишнома*", "ҳуҷҷат*", "шартнома*", "ёддошт*", "қарор*", "ширкат*", "корхона*", "лоиҳа*",
  "мактаб*", "ҳайат*",
  // uz
  "hujjat*", "kelishuv*", "shartnoma*", "memorandum*", "bitim*", "qaror*", "loyiha*", "korxona*",
  "kompaniya*", "maktab*", "delegatsiya*", "ҳужжат*", "келишув*", "битим*",
  // kk/ky
  "құжат*", "келісім*", "шешім*", "жоба*", "кәсіпорын*", "мектеп*", "келишим*", "макулдашуу*", "долбоор*",
  // tr
  "anlaşma*", "belge*", "mutabakat*", "muhtıra*", "karar*", "heyet*", "kamyon*", "gemi*", "şirket*",
  "proje*", "okul*", "uçak*", "sözleşme*", "protokol*", "tır", "konteyner*",
  // fr
  "accords", "documents", "mémorandum*", "décisions", "délégations", "camions", "navires", "entreprises",
  "sociétés", "projets", "écoles", "avions", "contrats", "protocoles", "résolutions", "conventions", "traités",
  // de
  "abkommen", "vereinbarung*", "dokument*", "absichtserklärung*", "beschlüsse", "entscheidungen",
  "delegationen", "lastwagen", "lkw", "schiffe", "unternehmen", "firmen", "projekte", "schulen", "flugzeuge",
  "verträge", "protokolle",
  // es
  "acuerdos", "documentos", "memorandos", "decisiones", "delegaciones", "camiones", "buques", "barcos",
  "empresas", "compañías", "proyectos", "escuelas", "aviones", "contratos", "protocolos", "tratados", "convenios",
  // ar
  "اتفاق*", "وثيقة", "وثائق", "مذكرة", "مذكرات", "قرار*", "وفد*", "وفود", "شاحن*", "سفين*", "سفن", "شركة",
  "شركات", "مشروع*", "مشاريع", "مدرسة", "مدارس", "طائرة", "طائرات", "بروتوكول*",
  // fa
  "سند", "اسناد", "موافقت‌نامه*", "موافقتنامه*", "تفاهم‌نامه*", "تفاهمنامه*", "یادداشت*", "قرارداد*",
  "هیئت*", "کامیون*", "کشتی*", "شرکت*", "پروژه*", "مدرسه", "هواپیما*",
];

/** Words that may stand between a number and its unit ("US dollars", "metric tonnes"). */
export const FILLER_WORDS = ["ta", "та", "dona", "дона", "дана", "adet", "шт", "us", "u", "s", "american", "metric", "metrik", "métriques", "more", "additional", "other", "new"];

/** Nouns that make a number a duration, rate or rank: stop looking for a unit past them. */
export const BLOCKER_WORDS = [
  "year*", "month*", "week*", "day", "days", "hour*", "minute*", "times", "percent", "per", "cent", "%",
  "лет", "год*", "месяц*", "недел*", "дн*", "час*", "минут*", "раз", "процент*",
  "sana", "yil*", "oy", "kun*", "soat*", "foiz*", "yıl*", "ay", "gün*", "saat*", "yüzde",
  "سال", "ماه", "روز", "ساعت", "درصد", "عام*", "سنة", "سنوات", "أعوام", "شهر*", "يوم*", "ساعة", "بالمئة", "بالمائة",
  "ans", "années", "mois", "jours", "heures", "jahre*", "monate*", "tage*", "stunden", "prozent", "años", "meses", "días", "horas",
  "сол", "моҳ", "рӯз", "соат", "фоиз", "жыл*", "ай", "күн*", "сағат", "пайыз*", "жылы",
];

/** Function words that may not stand between a number and a counted noun. */
export const STOP_WORDS = [
  "the", "of", "in", "on", "at", "for", "from", "to", "and", "or", "by", "with", "than", "per", "them", "which",
  "в", "на", "с", "из", "по", "и", "до", "от", "за", "для", "к", "о", "их", "них",
  "في", "من", "إلى", "على", "عن", "مع", "در", "به", "از", "با", "و", "تا", "را", "که",
  "ve", "ile", "için", "va", "bilan", "ва", "бо", "дар", "аз", "ба", "мен", "және",
  "de", "des", "du", "la", "le", "les", "en", "et", "à", "der", "die", "das", "und", "von", "mit", "del", "el", "los", "las", "y", "con",
];

/** Conjunctions joining two counted nouns ("individuals and entities"). */
export const AND_WORDS = ["and", "и", "va", "ve", "et", "und", "y", "و", "ва", "және"];

/** Prepositions introducing what a measure is of ("tonnes of wheat", "طن من القمح"). */
export const OF_WORDS = ["of", "de", "des", "du", "d", "من", "از", "из"];

/** Number words; keys are written as printed and folded when the table is built. */
export const NUMBER_WORDS: Partial<Record<Lang, Record<string, number>>> = {
  en: {
    one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, eleven: 11,
    twelve: 12, thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17, eighteen: 18,
    nineteen: 19, twenty: 20, thirty: 30, forty: 40, fifty: 50, sixty: 60, seventy: 70, eighty: 80,
    ninety: 90, hundred: 100, dozen: 12,
  },
  ru: {
    "два": 2, "две": 2, "двух": 2, "три": 3, "трех": 3, "четыре": 4, "пять": 5, "шесть": 6, "семь": 7,
    "восемь": 8, "девять": 9, "десять": 10, "двадцать": 20, "тридцать": 30, "сорок": 40, "пятьдесят": 50, "сто": 100,
  },
  uk: { "два": 2, "дві": 2, "три": 3, "чотири": 4, "п'ять": 5, "шість": 6, "сім": 7, "вісім": 8, "дев'ять": 9, "десять": 10 },
  tg: { "ду": 2, "се": 3, "чор": 4, "панҷ": 5, "шаш": 6, "ҳафт": 7, "ҳашт": 8, "нӯҳ": 9, "даҳ": 10, "сад": 100 },
  uz: { ikki: 2, uch: 3, "to'rt": 4, besh: 5, olti: 6, yetti: 7, sakkiz: 8, "to'qqiz": 9, "o'n": 10, yuz: 100 },
  kk: { "екі": 2, "үш": 3, "төрт": 4, "бес": 5, "алты": 6, "жеті": 7, "сегіз": 8, "тоғыз": 9, "он": 10, "жүз": 100 },
  ky: { "эки": 2, "үч": 3, "төрт": 4, "беш": 5, "алты": 6, "жети": 7, "сегиз": 8, "тогуз": 9, "он": 10, "жүз": 100 },
  tr: { iki: 2, "üç": 3, "dört": 4, "beş": 5, "altı": 6, yedi: 7, sekiz: 8, dokuz: 9, on: 10, "yüz": 100 },
  fr: { deux: 2, trois: 3, quatre: 4, cinq: 5, six: 6, sept: 7, huit: 8, neuf: 9, dix: 10, vingt: 20, cent: 100 },
  de: { zwei: 2, drei: 3, vier: 4, "fünf": 5, sechs: 6, sieben: 7, acht: 8, neun: 9, zehn: 10, zwanzig: 20, hundert: 100 },
  es: { dos: 2, tres: 3, cuatro: 4, cinco: 5, seis: 6, siete: 7, ocho: 8, nueve: 9, diez: 10, veinte: 20, cien: 100 },
  ar: {
    "واحد": 1, "اثنان": 2, "اثنين": 2, "اثنتان": 2, "اثنتين": 2, "ثلاث": 3, "ثلاثة": 3, "أربع": 4, "أربعة": 4,
    "خمس": 5, "خمسة": 5, "ستة": 6, "سبع": 7, "سبعة": 7, "ثماني": 8, "ثمانية": 8, "ثمان": 8, "تسع": 9, "تسعة": 9,
    "عشر": 10, "عشرة": 10, "عشرون": 20, "عشرين": 20, "ثلاثون": 30, "ثلاثين": 30, "أربعون": 40, "أربعين": 40,
    "خمسون": 50, "خمسين": 50, "ستون": 60, "ستين": 60, "سبعون": 70, "سبعين": 70, "ثمانون": 80, "ثمانين": 80,
    "تسعون": 90, "تسعين": 90, "مئة": 100, "مائة": 100, "مئتان": 200, "مئتين": 200, "مائتي": 200,
  },
  fa: {
    "یک": 1, "دو": 2, "سه": 3, "چهار": 4, "پنج": 5, "شش": 6, "هفت": 7, "هشت": 8, "نه": 9, "ده": 10,
    "بیست": 20, "سی": 30, "چهل": 40, "پنجاه": 50, "شصت": 60, "هفتاد": 70, "هشتاد": 80, "نود": 90,
    "صد": 100, "دویست": 200, "سیصد": 300, "پانصد": 500,
  },
};

/** Number words that multiply what precedes them ("two hundred"). */
export const HUNDRED_WORDS = new Set(["hundred", "сто", "сад", "yuz", "жуз", "yuz", "cent", "hundert", "cien", "مئه", "مائه", "صد"]);

/** "a billion", "bir milyar": 1, only directly before a scale word. */
export const ONE_BEFORE_SCALE: Partial<Record<Lang, string[]>> = {
  en: ["a", "an", "one"], tr: ["bir"], uz: ["bir"], kk: ["бир"], ky: ["бир"], tg: ["як"], fr: ["un"], de: ["eine", "einer"], es: ["un"],
};

/** Labels for what a sum of money measures, found before the figure in its clause. */
export const MONEY_WHAT: Array<[label: string, cues: string[]]> = [
  ["trade turnover", [
    "trade*", "turnover", "commerce", "товарооборот*", "товарообіг*", "торгов*", "товар айирбошлаш*", "tovar ayirboshlash*",
    "savdo*", "гардиши мол*", "тиҷорат*", "савдо*", "тауар айналым*", "сауда*", "соода*", "ticaret*", "ticari*",
    "التبادل التجاري", "التجارة", "تجاري", "تجارت*", "مبادلات تجاری", "échanges commerciaux", "commerce*",
    "handel*", "handelsvolumen", "comercio*", "intercambio comercial", "贸易",
  ]],
  ["investment", ["invest*", "инвестиц*", "сармоягузор*", "sarmoya*", "investitsiya*", "yatırım*", "استثمار*",
    "الاستثمار*", "سرمایه‌گذاری*", "سرمایه گذاری*", "inversi*", "investition*", "投资"]],
  ["exports", ["export*", "экспорт*", "صادرات", "ihracat*", "eksport*", "содирот*", "出口"]],
  ["imports", ["import*", "импорт*", "واردات", "ithalat*", "воридот*", "进口"]],
  ["military aid", ["military aid", "военн* помощ*", "мілітарн*", "askeri yardım*", "مساعدات عسكرية", "کمک نظامی", "aide militaire", "militärhilfe", "ayuda militar"]],
  ["aid", ["aid", "assistance", "relief", "помощ*", "допомог*", "кӯмак*", "yordam*", "көмек*", "yardım*", "مساعد*",
    "إغاثة", "اغاثة", "اغاثي*", "کمک*", "aide", "hilfe", "ayuda", "援助"]],
  ["loan", ["loan*", "credit*", "кредит*", "займ*", "заем", "қарз*", "kredit*", "kredi*", "قرض*", "وام", "prêt*", "darlehen", "préstamo*", "贷款"]],
];

/** Cues that a figure is a goal to reach rather than an achieved value. */
export const TARGET_CUES = [
  "target*", "goal", "aim*", "bring", "raise", "boost", "довест*", "довед*", "цель", "целью", "нарастить",
  "maqsad*", "yetkaz*", "расон*", "ҳадаф*", "жеткіз*", "мақсат*", "жеткир*", "hedef*", "çıkarma*", "رفع",
  "الوصول", "هدف*", "رساندن", "برساند", "objectif*", "porter", "ziel*", "steigern", "objetivo*", "meta", "elevar",
  "目标", "提升至", "提高到",
];

/** Relative year phrases: "last year" is refYear-1, "this year" refYear. */
export const RELATIVE_YEARS: Array<[offset: number, phrases: string[]]> = [
  [-1, [
    "last year", "previous year", "прошл* год*", "минувш* год*", "минулого року", "торік", "соли гузашта*", "порсол",
    "o'tgan yil*", "ўтган йил*", "өткен жыл*", "былтыр", "өткөн жыл*", "geçen yıl*", "l'an dernier", "l'année dernière",
    "letzt* jahr*", "vergangen* jahr*", "vorjahr*", "el año pasado", "العام الماضي", "السنة الماضية", "سال گذشته",
    "پارسال", "去年",
  ]],
  [0, [
    "this year", "current year", "эт* год*", "текущ* год*", "нынешн* год*", "цього року", "поточного року", "имсол",
    "соли равон", "соли ҷорӣ", "joriy yil*", "bu yil*", "жорий йил*", "бу йил*", "биыл", "ағымдағы жыл*", "быйыл",
    "ушул жыл*", "bu yıl*", "cette année", "dies* jahr*", "este año", "هذا العام", "العام الجاري", "العام الحالي",
    "السنة الجارية", "امسال", "سال جاری", "今年",
  ]],
];

/** Cues that a year is a point of comparison ("compared to last year"), not the figure's year. */
export const COMPARISON_BEFORE = [
  "compared", "than", "same period", "сравнению", "чем", "аналогичн*", "против", "نسبت", "مقارنة", "بالمقارنة",
  "مشابه", "مماثل", "par rapport", "gegenüber", "vergleich*", "respecto", "frente", "同期", "相比",
];
export const COMPARISON_AFTER = ["göre", "nisbatan", "нисбатан", "салыстыр*", "нисбат*", "相比", "比较"];

/** Words before a year that make it a deadline ("by 2030"): the figure is a target. */
export const BY_YEAR = ["by", "until", "до", "к", "d'ici", "bis", "para", "بحلول", "تا", "gacha", "kadar"];

/** "the number of X": a scaled number without a unit counts the X named before it. */
export const NUMBER_OF_WORDS = [
  "number", "sayı*", "количеств*", "числ*", "численност*", "عدد", "تعداد", "soni", "саны", "шумора*", "nombre", "zahl", "anzahl", "número",
];

/** Cues that a figure is a running total or a yearly rate, not something of the reported year. */
export const TIMELESS_CUES = [
  "already", "so far", "to date", "in total", "annual*", "annually", "every year", "each year", "per year", "yearly",
  "уже", "всего", "ежегодн*", "в год", "ҳар сол*", "har yili", "allaqachon", "жыл сайын", "her yıl", "yıllık", "şimdiye kadar",
  "سنوي*", "سنويا", "سالانه", "هر سال", "déjà", "annuel*", "par an", "bereits", "jährlich*", "pro jahr", "ya ", "anual*", "al año",
];
