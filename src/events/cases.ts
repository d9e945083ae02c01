// Regression sentences for the event stage, written by the Parley team (not taken from any
// source). Each is a short news-style sentence with two identifiable sides and the events an
// analyst would code from it. Countries are ISO alpha-3 codes (organisations by their code),
// sorted. `status` marks a mention that is not an event: a planned, denied or hypothetical one.
// The traps covered in several languages: negation, future, hypothetical, a meeting reported
// under a third country's dateline, two meetings in one text, phone calls, signings,
// condolences, summoning/protest notes, sanctions, attacks, aid.

export interface EventCase {
  lang: string;
  text: string;
  expect: Array<{ type: string; mode: string | null; countries: string[]; status?: "planned" | "denied" | "hypothetical" }>;
  note?: string;
}

export const eventCases: EventCase[] = [
  // ---------------- English ----------------
  {
    lang: "en",
    text: "Russian President Vladimir Putin held talks with Chinese President Xi Jinping in Moscow on Tuesday.",
    expect: [{ type: "CONSULT", mode: "meeting", countries: ["CHN", "RUS"] }],
    note: "en meeting between two named leaders",
  },
  {
    lang: "en",
    text: "Kazakhstan's foreign minister spoke by phone with his Turkish counterpart on Monday.",
    expect: [{ type: "CONSULT", mode: "phone", countries: ["KAZ", "TUR"] }],
    note: "en phone call, possessive name and adjective",
  },
  {
    lang: "en",
    text: "Tajikistan and Uzbekistan signed an agreement on the joint use of water resources.",
    expect: [{ type: "AGREE", mode: "sign", countries: ["TJK", "UZB"] }],
    note: "en signing",
  },
  {
    lang: "en",
    text: "Emomali Rahmon will visit China next month, the Chinese foreign ministry said.",
    expect: [{ type: "CONSULT", mode: "visit", countries: ["CHN", "TJK"], status: "planned" }],
    note: "en future visit is planned, not an event",
  },
  {
    lang: "en",
    text: "Iran did not sign the final declaration proposed by Saudi Arabia.",
    expect: [{ type: "AGREE", mode: "sign", countries: ["IRN", "SAU"], status: "denied" }],
    note: "en negated signing",
  },
  {
    lang: "en",
    text: "The leaders of Armenia and Azerbaijan could meet in Brussels later this year, diplomats said.",
    expect: [{ type: "CONSULT", mode: "meeting", countries: ["ARM", "AZE"], status: "hypothetical" }],
    note: "en hypothetical meeting",
  },
  {
    lang: "en",
    text: "Turkey summoned the Swedish ambassador over the burning of a Koran outside a mosque.",
    expect: [{ type: "ACCUSE", mode: null, countries: ["SWE", "TUR"] }],
    note: "en summoning an ambassador is ACCUSE",
  },
  {
    lang: "en",
    text: "The European Union imposed new sanctions on Belarus on Friday.",
    expect: [{ type: "SANCTION", mode: null, countries: ["BLR", "EU"] }],
    note: "en sanctions by an organisation",
  },
  {
    lang: "en",
    text: "Pakistan expressed its condolences to Afghanistan over the victims of the earthquake.",
    expect: [{ type: "SUPPORT", mode: null, countries: ["AFG", "PAK"] }],
    note: "en condolences",
  },
  {
    lang: "en",
    text: "GENEVA, March 3. The foreign ministers of Russia and the United States met on Friday.",
    expect: [{ type: "CONSULT", mode: "meeting", countries: ["RUS", "USA"] }],
    note: "en meeting under a third country's dateline",
  },
  {
    lang: "en",
    text: "On Monday Kassym-Jomart Tokayev met the Prime Minister of Uzbekistan. On Tuesday he met the President of Mongolia.",
    expect: [
      { type: "CONSULT", mode: "meeting", countries: ["KAZ", "UZB"] },
      { type: "CONSULT", mode: "meeting", countries: ["KAZ", "MNG"] },
    ],
    note: "en two meetings in two sentences",
  },
  {
    lang: "en",
    text: "Israeli aircraft struck targets in Syria overnight, the Syrian defence ministry said.",
    expect: [{ type: "ASSAULT", mode: null, countries: ["ISR", "SYR"] }],
    note: "en attack",
  },
  {
    lang: "en",
    text: "Uzbekistan delivered 100 tonnes of humanitarian aid to Afghanistan.",
    expect: [{ type: "AID", mode: "humanitarian", countries: ["AFG", "UZB"] }],
    note: "en humanitarian aid",
  },

  {
    lang: "en",
    text: "France withdrew its troops from Niger after the coup.",
    expect: [{ type: "RETREAT", mode: null, countries: ["FRA", "NER"] }],
    note: "en troop withdrawal",
  },
  {
    lang: "en",
    text: "China urged Japan to exercise restraint in the East China Sea.",
    expect: [{ type: "REQUEST", mode: null, countries: ["CHN", "JPN"] }],
    note: "en appeal",
  },
  {
    lang: "en",
    text: "Kyrgyzstan and Tajikistan jointly opened two border checkpoints on Thursday.",
    expect: [{ type: "COOPERATE", mode: null, countries: ["KGZ", "TJK"] }],
    note: "en jointly opened checkpoints",
  },
  {
    lang: "en",
    text: "Poland rejected the proposal put forward by Belarus.",
    expect: [{ type: "REJECT", mode: null, countries: ["BLR", "POL"] }],
    note: "en rejection",
  },

  // ---------------- Russian ----------------
  {
    lang: "ru",
    text: "Президент России Владимир Путин провел переговоры с Председателем КНР Си Цзиньпином в Кремле.",
    expect: [{ type: "CONSULT", mode: "meeting", countries: ["CHN", "RUS"] }],
    note: "ru talks in the Kremlin",
  },
  {
    lang: "ru",
    text: "Министры иностранных дел Казахстана и Кыргызстана провели телефонный разговор.",
    expect: [{ type: "CONSULT", mode: "phone", countries: ["KAZ", "KGZ"] }],
    note: "ru phone call",
  },
  {
    lang: "ru",
    text: "Эмомали Рахмон прибыл с официальным визитом в Узбекистан.",
    expect: [{ type: "CONSULT", mode: "visit", countries: ["TJK", "UZB"] }],
    note: "ru arrival on an official visit",
  },
  {
    lang: "ru",
    text: "Россия и Белоруссия подписали соглашение о взаимном признании виз.",
    expect: [{ type: "AGREE", mode: "sign", countries: ["BLR", "RUS"] }],
    note: "ru signing",
  },
  {
    lang: "ru",
    text: "Президент России не встретится с президентом Украины, заявили журналистам.",
    expect: [{ type: "CONSULT", mode: "meeting", countries: ["RUS", "UKR"], status: "denied" }],
    note: "ru negated meeting",
  },
  {
    lang: "ru",
    text: "Министр иностранных дел России посетит Турцию на следующей неделе.",
    expect: [{ type: "CONSULT", mode: "visit", countries: ["RUS", "TUR"], status: "planned" }],
    note: "ru planned visit",
  },
  {
    lang: "ru",
    text: "МИД Эстонии вызвал посла России и вручил ему ноту протеста.",
    expect: [{ type: "ACCUSE", mode: null, countries: ["EST", "RUS"] }],
    note: "ru summoning and protest note",
  },
  {
    lang: "ru",
    text: "Президент Казахстана выразил соболезнования народу Турции в связи с землетрясением.",
    expect: [{ type: "SUPPORT", mode: null, countries: ["KAZ", "TUR"] }],
    note: "ru condolences",
  },
  {
    lang: "ru",
    text: "Евросоюз ввел новые санкции против Ирана.",
    expect: [{ type: "SANCTION", mode: null, countries: ["EU", "IRN"] }],
    note: "ru sanctions",
  },

  {
    lang: "ru",
    text: "Российские войска нанесли ракетный удар по объектам на территории Украины.",
    expect: [{ type: "ASSAULT", mode: null, countries: ["RUS", "UKR"] }],
    note: "ru missile strike",
  },
  {
    lang: "ru",
    text: "Туркмения и Азербайджан могут подписать соглашение о транзите газа.",
    expect: [{ type: "AGREE", mode: "sign", countries: ["AZE", "TKM"], status: "hypothetical" }],
    note: "ru hypothetical signing",
  },

  // ---------------- Ukrainian ----------------
  {
    lang: "uk",
    text: "Президент України провів телефонну розмову з президентом Польщі.",
    expect: [{ type: "CONSULT", mode: "phone", countries: ["POL", "UKR"] }],
    note: "uk phone call",
  },
  {
    lang: "uk",
    text: "Україна та Молдова підписали угоду про спільний контроль на кордоні.",
    expect: [{ type: "AGREE", mode: "sign", countries: ["MDA", "UKR"] }],
    note: "uk signing",
  },
  {
    lang: "uk",
    text: "Міністр закордонних справ України наступного тижня відвідає Німеччину.",
    expect: [{ type: "CONSULT", mode: "visit", countries: ["DEU", "UKR"], status: "planned" }],
    note: "uk planned visit",
  },

  // ---------------- Arabic ----------------
  {
    lang: "ar",
    text: "التقى الرئيس المصري نظيره الفرنسي في القاهرة لبحث العلاقات الثنائية.",
    expect: [{ type: "CONSULT", mode: "meeting", countries: ["EGY", "FRA"] }],
    note: "ar meeting of two presidents",
  },
  {
    lang: "ar",
    text: "أجرى وزير الخارجية السعودي اتصالا هاتفيا مع نظيره الإيراني.",
    expect: [{ type: "CONSULT", mode: "phone", countries: ["IRN", "SAU"] }],
    note: "ar phone call",
  },
  {
    lang: "ar",
    text: "وقعت الإمارات ومصر اتفاقية للتعاون في مجال الطاقة.",
    expect: [{ type: "AGREE", mode: "sign", countries: ["ARE", "EGY"] }],
    note: "ar signing",
  },
  {
    lang: "ar",
    text: "سيزور ولي العهد السعودي الصين الشهر المقبل.",
    expect: [{ type: "CONSULT", mode: "visit", countries: ["CHN", "SAU"], status: "planned" }],
    note: "ar planned visit with the future prefix",
  },
  {
    lang: "ar",
    text: "لم يلتق وزير الخارجية الأمريكي بنظيره الروسي خلال المؤتمر.",
    expect: [{ type: "CONSULT", mode: "meeting", countries: ["RUS", "USA"], status: "denied" }],
    note: "ar negated meeting",
  },
  {
    lang: "ar",
    text: "بعث أمير الكويت برقية تعزية إلى الرئيس التركي في ضحايا الزلزال.",
    expect: [{ type: "SUPPORT", mode: null, countries: ["KWT", "TUR"] }],
    note: "ar condolences telegram",
  },
  {
    lang: "ar",
    text: "استدعت وزارة الخارجية العراقية السفير التركي وسلمته مذكرة احتجاج.",
    expect: [{ type: "ACCUSE", mode: null, countries: ["IRQ", "TUR"] }],
    note: "ar summoning and protest note",
  },

  // ---------------- Persian ----------------
  {
    lang: "fa",
    text: "وزیر امور خارجه ایران با همتای روسی خود در مسکو دیدار و گفتگو کرد.",
    expect: [{ type: "CONSULT", mode: "meeting", countries: ["IRN", "RUS"] }],
    note: "fa meeting",
  },
  {
    lang: "fa",
    text: "رئیس جمهور ایران در تماس تلفنی با رئیس جمهور ترکیه درباره تحولات منطقه گفتگو کرد.",
    expect: [{ type: "CONSULT", mode: "phone", countries: ["IRN", "TUR"] }],
    note: "fa phone call",
  },
  {
    lang: "fa",
    text: "ایران و عمان سه سند همکاری امضا کردند.",
    expect: [{ type: "AGREE", mode: "sign", countries: ["IRN", "OMN"] }],
    note: "fa signing with a plural verb",
  },
  {
    lang: "fa",
    text: "رئیس جمهور ایران هفته آینده به چین سفر خواهد کرد.",
    expect: [{ type: "CONSULT", mode: "visit", countries: ["CHN", "IRN"], status: "planned" }],
    note: "fa planned visit (future after the trigger)",
  },
  {
    lang: "fa",
    text: "وزارت امور خارجه ایران سفیر انگلیس را احضار کرد.",
    expect: [{ type: "ACCUSE", mode: null, countries: ["GBR", "IRN"] }],
    note: "fa summoning an ambassador",
  },
  {
    lang: "fa",
    text: "ایران و عربستان در این نشست هیچ توافقی امضا نکردند.",
    expect: [{ type: "AGREE", mode: "sign", countries: ["IRN", "SAU"], status: "denied" }],
    note: "fa negated signing",
  },
  {
    lang: "fa",
    text: "رئیس جمهور تاجیکستان به همتای ایرانی خود تسلیت گفت.",
    expect: [{ type: "SUPPORT", mode: null, countries: ["IRN", "TJK"] }],
    note: "fa condolences",
  },

  // ---------------- Tajik ----------------
  {
    lang: "tg",
    text: "Президенти Ҷумҳурии Тоҷикистон Эмомалӣ Раҳмон бо Президенти Федератсияи Россия Владимир Путин мулоқот кард.",
    expect: [{ type: "CONSULT", mode: "meeting", countries: ["RUS", "TJK"] }],
    note: "tg meeting of presidents",
  },
  {
    lang: "tg",
    text: "Вазирони корҳои хориҷии Тоҷикистон ва Қирғизистон гуфтугӯи телефонӣ анҷом доданд.",
    expect: [{ type: "CONSULT", mode: "phone", countries: ["KGZ", "TJK"] }],
    note: "tg phone call",
  },
  {
    lang: "tg",
    text: "Тоҷикистон ва Ӯзбекистон созишномаро дар бораи ҳамкорӣ ба имзо расониданд.",
    expect: [{ type: "AGREE", mode: "sign", countries: ["TJK", "UZB"] }],
    note: "tg signing",
  },
  {
    lang: "tg",
    text: "Президенти Қазоқистон моҳи оянда ба Тоҷикистон сафари давлатӣ хоҳад кард.",
    expect: [{ type: "CONSULT", mode: "visit", countries: ["KAZ", "TJK"], status: "planned" }],
    note: "tg planned state visit",
  },
  {
    lang: "tg",
    text: "Эмомалӣ Раҳмон ба Президенти Туркия бо сабаби заминларза таъзия баён намуд.",
    expect: [{ type: "SUPPORT", mode: null, countries: ["TJK", "TUR"] }],
    note: "tg condolences",
  },
  {
    lang: "tg",
    text: "Тоҷикистон ба Афғонистон панҷоҳ тонна кӯмаки башардӯстона фиристод.",
    expect: [{ type: "AID", mode: "humanitarian", countries: ["AFG", "TJK"] }],
    note: "tg humanitarian aid",
  },

  // ---------------- Uzbek ----------------
  {
    lang: "uz",
    text: "O'zbekiston Prezidenti Shavkat Mirziyoyev Qozog'iston Prezidenti Qasim-Jomart To'qayev bilan uchrashdi.",
    expect: [{ type: "CONSULT", mode: "meeting", countries: ["KAZ", "UZB"] }],
    note: "uz meeting",
  },
  {
    lang: "uz",
    text: "Shavkat Mirziyoyev Rossiya Prezidenti Vladimir Putin bilan telefon orqali muloqot qildi.",
    expect: [{ type: "CONSULT", mode: "phone", countries: ["RUS", "UZB"] }],
    note: "uz phone call",
  },
  {
    lang: "uz",
    text: "O'zbekiston va Turkmaniston o'rtasida strategik sheriklik to'g'risidagi shartnoma imzolandi.",
    expect: [{ type: "AGREE", mode: "sign", countries: ["TKM", "UZB"] }],
    note: "uz signing (passive)",
  },
  {
    lang: "uz",
    text: "Turkiya Prezidenti kelasi oy O'zbekistonga tashrif buyuradi.",
    expect: [{ type: "CONSULT", mode: "visit", countries: ["TUR", "UZB"], status: "planned" }],
    note: "uz planned visit",
  },
  {
    lang: "uz",
    text: "Shavkat Mirziyoyev Tojikiston Prezidentini tug'ilgan kuni bilan tabrikladi.",
    expect: [{ type: "SUPPORT", mode: null, countries: ["TJK", "UZB"] }],
    note: "uz congratulations",
  },
  {
    lang: "uz",
    text: "O'zbekiston Afg'onistonga insonparvarlik yordami yubordi.",
    expect: [{ type: "AID", mode: "humanitarian", countries: ["AFG", "UZB"] }],
    note: "uz humanitarian aid",
  },
  {
    lang: "uz",
    text: "Tojikiston va Qirg'iziston delegatsiyalari chegara bo'yicha hujjatni imzolamadi.",
    expect: [{ type: "AGREE", mode: "sign", countries: ["KGZ", "TJK"], status: "denied" }],
    note: "uz negated signing (negative verb form)",
  },

  // ---------------- Kazakh ----------------
  {
    lang: "kk",
    text: "Қазақстан Президенті Қасым-Жомарт Тоқаев Қытай Төрағасы Си Цзиньпинмен кездесті.",
    expect: [{ type: "CONSULT", mode: "meeting", countries: ["CHN", "KAZ"] }],
    note: "kk meeting",
  },
  {
    lang: "kk",
    text: "Қасым-Жомарт Тоқаев Ресей Президенті Владимир Путинмен телефон арқылы сөйлесті.",
    expect: [{ type: "CONSULT", mode: "phone", countries: ["KAZ", "RUS"] }],
    note: "kk phone call",
  },
  {
    lang: "kk",
    text: "Қазақстан мен Өзбекстан одақтастық қатынастар туралы шартқа қол қойды.",
    expect: [{ type: "AGREE", mode: "sign", countries: ["KAZ", "UZB"] }],
    note: "kk signing",
  },
  {
    lang: "kk",
    text: "Қазақстан Президенті келесі аптада Түркияға ресми сапармен барады.",
    expect: [{ type: "CONSULT", mode: "visit", countries: ["KAZ", "TUR"], status: "planned" }],
    note: "kk planned visit",
  },
  {
    lang: "kk",
    text: "Қазақстан Президенті Түркия Президентіне көңіл айтты.",
    expect: [{ type: "SUPPORT", mode: null, countries: ["KAZ", "TUR"] }],
    note: "kk condolences",
  },
  {
    lang: "kk",
    text: "Қазақстан мен Қырғызстан сыртқы істер министрлері бұл жолы кездеспеді.",
    expect: [{ type: "CONSULT", mode: "meeting", countries: ["KAZ", "KGZ"], status: "denied" }],
    note: "kk negated meeting (negative verb form)",
  },

  // ---------------- Kyrgyz ----------------
  {
    lang: "ky",
    text: "Кыргызстандын Президенти Садыр Жапаров Өзбекстандын Президенти Шавкат Мирзиёев менен жолугушту.",
    expect: [{ type: "CONSULT", mode: "meeting", countries: ["KGZ", "UZB"] }],
    note: "ky meeting",
  },
  {
    lang: "ky",
    text: "Кыргызстан менен Тажикстан мамлекеттик чек ара боюнча келишимге кол коюшту.",
    expect: [{ type: "AGREE", mode: "sign", countries: ["KGZ", "TJK"] }],
    note: "ky signing",
  },
  {
    lang: "ky",
    text: "Садыр Жапаров Казакстандын Президентин туулган күнү менен куттуктады.",
    expect: [{ type: "SUPPORT", mode: null, countries: ["KAZ", "KGZ"] }],
    note: "ky congratulations",
  },

  // ---------------- Turkish ----------------
  {
    lang: "tr",
    text: "Cumhurbaşkanı Erdoğan, Rusya Devlet Başkanı Vladimir Putin ile Soçi'de görüştü.",
    expect: [{ type: "CONSULT", mode: "meeting", countries: ["RUS", "TUR"] }],
    note: "tr meeting",
  },
  {
    lang: "tr",
    text: "Türkiye Dışişleri Bakanı, Azerbaycanlı mevkidaşı ile telefonda görüştü.",
    expect: [{ type: "CONSULT", mode: "phone", countries: ["AZE", "TUR"] }],
    note: "tr phone call",
  },
  {
    lang: "tr",
    text: "Türkiye ile Ukrayna arasında serbest ticaret anlaşması imzalandı.",
    expect: [{ type: "AGREE", mode: "sign", countries: ["TUR", "UKR"] }],
    note: "tr signing (passive)",
  },
  {
    lang: "tr",
    text: "Cumhurbaşkanı Erdoğan'ın gelecek ay Almanya'yı ziyaret etmesi bekleniyor.",
    expect: [{ type: "CONSULT", mode: "visit", countries: ["DEU", "TUR"], status: "planned" }],
    note: "tr expected visit",
  },
  {
    lang: "tr",
    text: "Türkiye, İsveç'in Büyükelçisini Dışişleri Bakanlığına çağırdı.",
    expect: [{ type: "ACCUSE", mode: null, countries: ["SWE", "TUR"] }],
    note: "tr summoning an ambassador",
  },
  {
    lang: "tr",
    text: "Türkiye ve Ermenistan heyetleri bu hafta görüşmedi.",
    expect: [{ type: "CONSULT", mode: "meeting", countries: ["ARM", "TUR"], status: "denied" }],
    note: "tr negated meeting (negative verb form)",
  },
  {
    lang: "tr",
    text: "Türkiye, Kazakistan'a taziyelerini iletti.",
    expect: [{ type: "SUPPORT", mode: null, countries: ["KAZ", "TUR"] }],
    note: "tr condolences",
  },

  // ---------------- French ----------------
  {
    lang: "fr",
    text: "Le président français s'est entretenu avec le chancelier allemand à Paris.",
    expect: [{ type: "CONSULT", mode: "meeting", countries: ["DEU", "FRA"] }],
    note: "fr meeting",
  },
  {
    lang: "fr",
    text: "Le président français a eu un entretien téléphonique avec le président russe.",
    expect: [{ type: "CONSULT", mode: "phone", countries: ["FRA", "RUS"] }],
    note: "fr phone call",
  },
  {
    lang: "fr",
    text: "La France et le Maroc ont signé un accord de coopération dans le domaine de l'énergie.",
    expect: [{ type: "AGREE", mode: "sign", countries: ["FRA", "MAR"] }],
    note: "fr signing",
  },
  {
    lang: "fr",
    text: "Le ministre chinois des Affaires étrangères se rendra en visite en Algérie le mois prochain.",
    expect: [{ type: "CONSULT", mode: "visit", countries: ["CHN", "DZA"], status: "planned" }],
    note: "fr planned visit",
  },
  {
    lang: "fr",
    text: "Le Niger a expulsé l'ambassadeur de France.",
    expect: [{ type: "SANCTION", mode: null, countries: ["FRA", "NER"] }],
    note: "fr expulsion of an ambassador",
  },
  {
    lang: "fr",
    text: "Le Maroc n'a pas signé la déclaration finale proposée par l'Algérie.",
    expect: [{ type: "AGREE", mode: "sign", countries: ["DZA", "MAR"], status: "denied" }],
    note: "fr negated signing",
  },
  {
    lang: "fr",
    text: "La France a vivement critiqué la décision de l'Algérie.",
    expect: [{ type: "ACCUSE", mode: null, countries: ["DZA", "FRA"] }],
    note: "fr criticism",
  },

  // ---------------- German ----------------
  {
    lang: "de",
    text: "Der deutsche Bundeskanzler traf sich in Berlin mit dem polnischen Ministerpräsidenten.",
    expect: [{ type: "CONSULT", mode: "meeting", countries: ["DEU", "POL"] }],
    note: "de meeting",
  },
  {
    lang: "de",
    text: "Die Außenminister Deutschlands und Frankreichs telefonierten am Montag.",
    expect: [{ type: "CONSULT", mode: "phone", countries: ["DEU", "FRA"] }],
    note: "de phone call",
  },
  {
    lang: "de",
    text: "Deutschland und Kasachstan unterzeichneten ein Abkommen über Rohstoffe.",
    expect: [{ type: "AGREE", mode: "sign", countries: ["DEU", "KAZ"] }],
    note: "de signing",
  },
  {
    lang: "de",
    text: "Der türkische Präsident wird nächste Woche Deutschland besuchen.",
    expect: [{ type: "CONSULT", mode: "visit", countries: ["DEU", "TUR"], status: "planned" }],
    note: "de planned visit",
  },
  {
    lang: "de",
    text: "Deutschland hat den russischen Botschafter einbestellt.",
    expect: [{ type: "ACCUSE", mode: null, countries: ["DEU", "RUS"] }],
    note: "de summoning an ambassador",
  },
  {
    lang: "de",
    text: "Deutschland und Polen haben das Abkommen nicht unterzeichnet.",
    expect: [{ type: "AGREE", mode: "sign", countries: ["DEU", "POL"], status: "denied" }],
    note: "de negated signing",
  },
  {
    lang: "de",
    text: "Deutschland sprach der Türkei sein Beileid aus.",
    expect: [{ type: "SUPPORT", mode: null, countries: ["DEU", "TUR"] }],
    note: "de condolences",
  },

  // ---------------- Spanish ----------------
  {
    lang: "es",
    text: "El presidente de México se reunió con el primer ministro de Canadá en Ottawa.",
    expect: [{ type: "CONSULT", mode: "meeting", countries: ["CAN", "MEX"] }],
    note: "es meeting",
  },
  {
    lang: "es",
    text: "El ministro de Relaciones Exteriores de Argentina habló por teléfono con su homólogo de Chile.",
    expect: [{ type: "CONSULT", mode: "phone", countries: ["ARG", "CHL"] }],
    note: "es phone call",
  },
  {
    lang: "es",
    text: "España y Marruecos firmaron un acuerdo sobre migración.",
    expect: [{ type: "AGREE", mode: "sign", countries: ["ESP", "MAR"] }],
    note: "es signing",
  },
  {
    lang: "es",
    text: "El presidente de Brasil visitará China el próximo mes.",
    expect: [{ type: "CONSULT", mode: "visit", countries: ["BRA", "CHN"], status: "planned" }],
    note: "es planned visit",
  },
  {
    lang: "es",
    text: "Venezuela expulsó al embajador de Perú.",
    expect: [{ type: "SANCTION", mode: null, countries: ["PER", "VEN"] }],
    note: "es expulsion of an ambassador",
  },
  {
    lang: "es",
    text: "Colombia no firmó el acuerdo con Ecuador.",
    expect: [{ type: "AGREE", mode: "sign", countries: ["COL", "ECU"], status: "denied" }],
    note: "es negated signing",
  },
  {
    lang: "es",
    text: "España expresó sus condolencias a Turquía por el terremoto.",
    expect: [{ type: "SUPPORT", mode: null, countries: ["ESP", "TUR"] }],
    note: "es condolences",
  },

  // ---------------- Chinese ----------------
  {
    lang: "zh",
    text: "国家主席习近平在北京会见俄罗斯总统普京。",
    expect: [{ type: "CONSULT", mode: "meeting", countries: ["CHN", "RUS"] }],
    note: "zh meeting",
  },
  {
    lang: "zh",
    text: "中国外长同美国国务卿通电话。",
    expect: [{ type: "CONSULT", mode: "phone", countries: ["CHN", "USA"] }],
    note: "zh phone call",
  },
  {
    lang: "zh",
    text: "中国和巴基斯坦签署了多项合作协议。",
    expect: [{ type: "AGREE", mode: "sign", countries: ["CHN", "PAK"] }],
    note: "zh signing",
  },
  {
    lang: "zh",
    text: "哈萨克斯坦总统将于下月对中国进行国事访问。",
    expect: [{ type: "CONSULT", mode: "visit", countries: ["CHN", "KAZ"], status: "planned" }],
    note: "zh planned state visit",
  },
  {
    lang: "zh",
    text: "中国向土耳其提供紧急人道主义援助。",
    expect: [{ type: "AID", mode: "humanitarian", countries: ["CHN", "TUR"] }],
    note: "zh humanitarian aid",
  },
  {
    lang: "zh",
    text: "中国强烈谴责日本的做法。",
    expect: [{ type: "ACCUSE", mode: null, countries: ["CHN", "JPN"] }],
    note: "zh condemnation",
  },
  {
    lang: "zh",
    text: "中国和印度领导人此次没有举行会晤。",
    expect: [{ type: "CONSULT", mode: "meeting", countries: ["CHN", "IND"], status: "denied" }],
    note: "zh negated meeting",
  },
];
