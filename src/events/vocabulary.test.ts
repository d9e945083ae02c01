// The conflict half of the PLOVER range in every language, through the public pipeline: each
// phrase family (protest and summons, sanctions and suspended talks, coercion at sea and in the
// air, missiles fired, forces sent, refuting, demanding, warning, insulting, pledging, standing
// by) in English and at least three other languages, on sentences the team wrote; then the
// contrasts, where a trigger word reports no event, and the status cues of planned mentions.
import assert from "node:assert/strict";
import { test } from "node:test";
import { extractText } from "../pipeline/index.js";
import type { EventRecord } from "../types.js";

function eventsOf(text: string): EventRecord[] {
  return extractText({ name: "vocab", origin: "vocab", text, encoding: "UTF-8" }, { fallbackDate: "2024-05-15" }).events;
}

const countries = (e: EventRecord) => [...new Set(e.actors.map((a) => a.country))].sort().join("-");
const show = (evs: EventRecord[]) => evs.map((e) => `${e.status ?? "event"} ${e.type}/${e.mode ?? "-"} ${countries(e)} [${e.trigger.text}]`).join(" | ") || "nothing";

/** [text, type, sides] — the sentence reports an event of this type between these countries. */
type Case = [string, string, string];

const families: Record<string, Case[]> = {
  "a protest note or summons is ACCUSE": [
    ["The Philippine foreign ministry lodged a diplomatic protest with China over the latest incident at sea, officials said.", "ACCUSE", "CHN-PHL"],
    ["Kazakhstan's foreign ministry handed a protest note to the Kyrgyz ambassador in Astana on Friday.", "ACCUSE", "KAZ-KGZ"],
    ["МИД Польши вызывал посла Белоруссии в связи с инцидентом на границе, сообщило министерство.", "ACCUSE", "BLR-POL"],
    ["Dışişleri Bakanı, İran Büyükelçisi'ne Türkiye'nin tepkisini iletti ve açıklama istedi.", "ACCUSE", "IRN-TUR"],
    ["وزارت امور خارجه ایران سفیر آلمان را احضار کرد و مراتب اعتراض تهران را به وی ابلاغ کرد.", "ACCUSE", "DEU-IRN"],
    ["Le ministère serbe a convoqué l'ambassadeur de Croatie après les déclarations du premier ministre croate.", "ACCUSE", "HRV-SRB"],
    // The ambassador's nationality between the verb and the noun.
    ["МИД Словакии вызвало российского посла в связи с публикацией на сайте посольства.", "ACCUSE", "RUS-SVK"],
    ["Міністерство закордонних справ Угорщини викликало українського посла через заяви у Києві.", "ACCUSE", "HUN-UKR"],
    // A chargé d'affaires summoned and handed a note: one summons, not a request besides.
    ["Qirg'iziston Tashqi ishlar vazirligi Tojikiston muvaqqat ishlar vakilini chaqirib, norozilik notasini topshirdi.", "ACCUSE", "KGZ-TJK"],
  ],
  "asset freezes and suspended talks are SANCTION": [
    ["The European Union froze the assets of several Iranian officials on Monday, the council said in a statement.", "SANCTION", "EU-IRN"],
    ["Литва заморозила активы белорусских компаний в понедельник, сообщило правительство страны.", "SANCTION", "BLR-LTU"],
    ["Le gouvernement serbe a suspendu les négociations avec le Kosovo après l'incident survenu dans le nord.", "SANCTION", "SRB-XKK"],
    ["El gobierno de Serbia suspendió las negociaciones con Kosovo tras el incidente en el norte del país.", "SANCTION", "SRB-XKK"],
    ["Serbien kündigte die Aussetzung der Verhandlungen mit dem Kosovo nach dem Zwischenfall im Norden an.", "SANCTION", "SRB-XKK"],
  ],
  "water cannon and airspace violations are COERCE": [
    ["Chinese coast guard ships fired water cannon at Philippine supply boats near the reef on Saturday.", "COERCE", "CHN-PHL"],
    ["Китайские корабли применили водометы против филиппинских судов у спорного рифа, заявили в Маниле.", "COERCE", "CHN-PHL"],
    ["Yunan savaş uçakları Türkiye'nin hava sahasını ihlal etti, Türk Savunma Bakanlığı bildirdi.", "COERCE", "GRC-TUR"],
    ["La Chine a utilisé des canons à eau contre des navires des Philippines près du récif, selon Manille.", "COERCE", "CHN-PHL"],
  ],
  "missiles fired are ASSAULT": [
    ["North Korea fired ballistic missiles toward Japan on Sunday morning, the Japanese defence ministry said.", "ASSAULT", "JPN-PRK"],
    ["Иран выпустил ракеты по территории Израиля в ночь на воскресенье, сообщили израильские военные.", "ASSAULT", "IRN-ISR"],
    ["أطلقت كوريا الشمالية صواريخ باليستية باتجاه اليابان صباح اليوم الأحد، وفق وزارة الدفاع اليابانية.", "ASSAULT", "JPN-PRK"],
    ["Rusya, Ukrayna'ya balistik füze ateşledi, Kiev yönetimi açıklamasında bildirdi.", "ASSAULT", "RUS-UKR"],
  ],
  "aircraft, warships and troops sent are MOBILIZE": [
    ["Japan sent warplanes after Chinese military aircraft approached its islands, the Japanese ministry said.", "MOBILIZE", "CHN-JPN"],
    ["Япония направила военные самолеты после того, как китайские самолеты приблизились к ее границе.", "MOBILIZE", "CHN-JPN"],
    ["Yunanistan, Türkiye sınırına asker sevk etti, Yunan basını bildirdi.", "MOBILIZE", "GRC-TUR"],
    ["Росія нарощує військову присутність біля кордону з Фінляндією, повідомляє розвідка.", "MOBILIZE", "FIN-RUS"],
  ],
  "refuting allegations is REJECT": [
    ["Iran's foreign ministry refuted the claims made by Bahrain about the attack, the ministry said.", "REJECT", "BHR-IRN"],
    ["МИД Армении опроверг обвинения Азербайджана в обстреле приграничных сел.", "REJECT", "ARM-AZE"],
    ["سخنگوی وزارت امور خارجه ایران ادعاهای امارات درباره جزایر سه‌گانه را بی‌اساس خواند.", "REJECT", "ARE-IRN"],
    ["Le ministère français a réfuté les accusations de l'Azerbaïdjan concernant l'ingérence, selon un communiqué.", "REJECT", "AZE-FRA"],
  ],
  "calling on and demanding are REQUEST": [
    ["China called on the Philippines to stop provocations in the South China Sea, the ministry said.", "REQUEST", "CHN-PHL"],
    ["Россия потребовала от Молдавии объяснений в связи с инцидентом на границе, заявили в МИД.", "REQUEST", "MDA-RUS"],
    ["Pakistan Dışişleri Bakanlığı, Hindistan'ın açıklama yapmasını talep etti, ifadesine yer verildi.", "REQUEST", "IND-PAK"],
    ["El gobierno de Chile instó a Venezuela a respetar los acuerdos firmados, según un comunicado oficial.", "REQUEST", "CHL-VEN"],
  ],
  "warning is THREATEN": [
    ["Russia warned Moldova against joining the alliance, the Russian foreign ministry said on Tuesday.", "THREATEN", "MDA-RUS"],
    ["حذرت إيران الولايات المتحدة من أي عمل عسكري ضد أراضيها، حسبما أفادت وكالة الأنباء الرسمية.", "THREATEN", "IRN-USA"],
    ["Türkiye, Yunanistan'ı adalardaki askeri faaliyetler konusunda uyardı, bakanlık açıklamasında belirtildi.", "THREATEN", "GRC-TUR"],
    ["Білорусь пригрозила Польщі відповідними заходами через закриття кордону, заявили в Мінську.", "THREATEN", "BLR-POL"],
  ],
  "insults and condemnation are ACCUSE": [
    ["Venezuela traded insults with Colombia over the border dispute, officials in Caracas said.", "ACCUSE", "COL-VEN"],
    ["ایران با محکوم‌کردن حمله اسرائیل به سوریه، خواستار اقدام فوری سازمان ملل شد.", "ACCUSE", "IRN-ISR"],
    ["Le président du Venezuela a insulté le président de la Colombie lors d'un discours télévisé, selon la presse.", "ACCUSE", "COL-VEN"],
    ["Der Präsident Venezuelas hat den Präsidenten Kolumbiens in einer Fernsehansprache beleidigt, berichteten Medien.", "ACCUSE", "COL-VEN"],
  ],
  "calling an act a violation, or a letter of protest, is ACCUSE": [
    ["The Russian foreign ministry described the decision of Estonia as a gross violation of international law.", "ACCUSE", "EST-RUS"],
    ["МИД России назвал решение Эстонии грубым нарушением международного права.", "ACCUSE", "EST-RUS"],
    ["Le ministère grec a qualifié la décision turque de violation du droit international.", "ACCUSE", "GRC-TUR"],
    ["Bugün açıklama yapıldı.\nTürkiye Dışişleri Bakanlığı, Yunanistan'ın kararını uluslararası hukukun açık ihlali olarak nitelendirdi.", "ACCUSE", "GRC-TUR"],
    ["وصفت الخارجية المصرية القرار الإسرائيلي بأنه انتهاك صارخ للقانون الدولي.", "ACCUSE", "EGY-ISR"],
    ["وزارت امور خارجه ایران اقدام آمریکا را نقض آشکار حقوق بین‌الملل خواند.", "ACCUSE", "IRN-USA"],
    ["Greece sent a letter of protest to Turkey over the airspace violations.", "ACCUSE", "GRC-TUR"],
  ],
  "being ready to send is a pledge (AGREE)": [
    ["Kazakhstan said it stands ready to send doctors and rescuers to Turkey after the earthquake.", "AGREE", "KAZ-TUR"],
    ["Türkiye, Suriye'ye insani yardım göndermeye hazır olduğunu açıkladı, Dışişleri Bakanlığı bildirdi.", "AGREE", "SYR-TUR"],
    ["أعلنت الكويت استعدادها لارسال مساعدات إنسانية عاجلة إلى السودان، وفق بيان رسمي.", "AGREE", "KWT-SDN"],
    ["Казахстан выразил готовность оказать Афганистану гуманитарную помощь в ближайшее время.", "AGREE", "AFG-KAZ"],
  ],
  "a commitment restated to a country or alliance is SUPPORT": [
    ["Prime Minister of Norway Jonas Gahr Store restated his commitment to NATO at a press conference in Oslo.", "SUPPORT", "NATO-NOR"],
    ["Президент Финляндии Александр Стубб подтвердил приверженность Евросоюзу на встрече с журналистами.", "SUPPORT", "EU-FIN"],
    ["Le Premier ministre belge Alexander De Croo a réaffirmé son attachement à l'OTAN lors d'un discours.", "SUPPORT", "BEL-NATO"],
  ],
  "standing by a country is SUPPORT": [
    ["Turkey said it stands by Azerbaijan in the conflict, the Turkish foreign ministry said.", "SUPPORT", "AZE-TUR"],
    ["Türkiye, Azerbaycan'ın yanında yer aldığını bir kez daha vurguladı, bakanlık bildirdi.", "SUPPORT", "AZE-TUR"],
    ["أكدت السعودية وقوفها إلى جانب مصر في مواجهة التحديات الراهنة، وفق بيان رسمي.", "SUPPORT", "EGY-SAU"],
    ["Польща заявила про незмінну підтримку України у війні з Росією, повідомили у Варшаві.", "SUPPORT", "POL-UKR"],
  ],
};

for (const [family, cases] of Object.entries(families)) {
  test(`vocabulary: ${family}`, () => {
    for (const [text, type, sides] of cases) {
      const evs = eventsOf(text);
      assert.ok(evs.some((e) => !e.status && e.type === type && countries(e) === sides), `expected ${type} ${sides}\n  in: ${text}\n  got: ${show(evs)}`);
    }
  });
}

test("vocabulary: the new codes carry their CAMEO code and Goldstein value", () => {
  const [water] = eventsOf(families["water cannon and airspace violations are COERCE"][0][0]).filter((e) => e.type === "COERCE");
  assert.equal(water.cameo, "170");
  assert.equal(water.goldstein, -7);
  const [talks] = eventsOf(families["asset freezes and suspended talks are SANCTION"][3][0]).filter((e) => e.type === "SANCTION");
  assert.equal(talks.cameo, "164");
});

test("vocabulary: a trigger word that reports no event here", () => {
  // Violations as a subject of talk are no accusation.
  const violations = eventsOf("The foreign ministers of Egypt and Jordan discussed violations of international law in Gaza.");
  assert.ok(!violations.some((e) => e.type === "ACCUSE"), show(violations));
  // Airspace as a subject of talk is not an intrusion.
  const talk = eventsOf("The ministers discussed airspace management and closer coordination between Kazakhstan and Uzbekistan.");
  assert.ok(!talk.some((e) => e.type === "COERCE"), show(talk));
  // Weapons "for strikes on targets in Russia" name a purpose, not a strike.
  const purpose = eventsOf("Британский министр заявил, что оружие может использоваться для ударов по целям в России, передает агентство.");
  assert.ok(!purpose.some((e) => e.type === "ASSAULT"), show(purpose));
  // Agreeing on the need to do something is a shared view, not an agreement.
  const view = eventsOf("The ministers of Kazakhstan and Uzbekistan agreed on the need to support efforts for peace in the region.");
  assert.ok(!view.some((e) => e.type === "AGREE" && !e.status), show(view));
  const agreed = eventsOf("The ministers of Kazakhstan and Uzbekistan agreed to open two new border crossings in the region.");
  assert.ok(agreed.some((e) => e.type === "AGREE" && !e.status), show(agreed));
  // Refuting an accusation reports the rejection; the accusation refuted is not an event.
  const refuted = eventsOf(families["refuting allegations is REJECT"][1][0]);
  assert.ok(!refuted.some((e) => e.type === "ACCUSE" && !e.status), show(refuted));
  // Sanctions and tariffs as a subject of talks, commitment as a stance, a journalist's question.
  for (const text of [
    "The foreign ministers of Russia and China discussed sanctions against Iran during their talks in Beijing.",
    "La rencontre entre la Chine et les États-Unis a porté sur les droits de douane et le commerce.",
  ]) {
    const evs = eventsOf(text);
    assert.ok(evs.some((e) => e.type === "CONSULT") && !evs.some((e) => e.type === "SANCTION"), show(evs));
  }
  const stance = eventsOf("Kazakhstan and Uzbekistan are committed to strengthening their strategic partnership, the presidents said.");
  assert.ok(!stance.some((e) => e.type === "AGREE"), show(stance));
  const asked = eventsOf("Asked about relations with China, the Kazakh foreign minister praised the level of trade.");
  assert.ok(!asked.some((e) => e.type === "REQUEST"), show(asked));
  // Readiness to continue a dialogue in general is not a pledge to send anything.
  const ready = eventsOf("Президент России выразил готовность продолжить диалог с Таджикистаном, говорится в послании.");
  assert.ok(!ready.some((e) => e.type === "AGREE"), show(ready));
});

test("vocabulary: a Persian participle or 'representative' is not a future cue", () => {
  // «کننده» (participating) and «نماینده» (representative) begin like the subjunctive «کنند», «نمایند».
  const strike = eventsOf("جمهوری آذربایجان در این حمله هوایی مشارکت کننده بود و ارمنستان آن را محکوم کرد.");
  assert.ok(strike.some((e) => e.type === "ASSAULT" && !e.status), show(strike));
  const envoys = eventsOf("نماینده روسیه در سازمان ملل با نماینده چین در نیویورک دیدار کرد.");
  assert.ok(envoys.some((e) => e.type === "CONSULT" && !e.status && countries(e) === "CHN-RUS"), show(envoys));
  // The subjunctive after «قرار است» still marks a visit to come.
  const plan = eventsOf("قرار است رئیس جمهور ایران هفته آینده به روسیه سفر کند و با پوتین دیدار کند.");
  assert.ok(plan.length > 0 && plan.every((e) => e.status === "planned"), show(plan));
});

test("vocabulary: planned mentions in several languages", () => {
  const planned: string[] = [
    "Ahead of his visit to China, the Kazakh president gave an interview to Chinese media.",
    "Tahran, Türkiye ile yapacak olduğu görüşmelere büyük önem verdiğini açıkladı.",
    "مقدمات سفر قریب‌الوقوع رئیس جمهور ایران به روسیه فراهم شده است.",
    "Le président français est attendu à Alger la semaine prochaine pour une visite officielle en Algérie.",
  ];
  for (const text of planned) {
    const evs = eventsOf(text);
    assert.ok(evs.some((e) => e.type === "CONSULT" && e.status === "planned"), `planned in: ${text}\n  got: ${show(evs)}`);
    assert.ok(!evs.some((e) => e.type === "CONSULT" && !e.status), `no event in: ${text}\n  got: ${show(evs)}`);
  }
  // A meeting told in the past stays an event.
  const met = eventsOf("Tahran, Türkiye ile yaptığı görüşmelere büyük önem verdiğini açıkladı.");
  assert.ok(!met.some((e) => e.status === "planned"), show(met));
});

test("vocabulary: denying allegations is a rejection, not a denied event", () => {
  const cases: Case[] = [
    ["Armenia denied the accusations from Azerbaijan as groundless, the Armenian foreign ministry said.", "REJECT", "ARM-AZE"],
    ["Türkiye Dışişleri Bakanlığı, Yunanistan'ın iddialarını yalanladı ve açıklama yaptı.", "REJECT", "GRC-TUR"],
    ["وزارت امور خارجه ایران ادعاهای امارات را تکذیب کرد و آن را بی‌پایه خواند.", "REJECT", "ARE-IRN"],
  ];
  for (const [text, type, sides] of cases) {
    const evs = eventsOf(text);
    assert.ok(evs.some((e) => !e.status && e.type === type && countries(e) === sides), `expected ${type} ${sides}\n  in: ${text}\n  got: ${show(evs)}`);
  }
  // A negation before the rejection still denies it.
  const not = eventsOf("Armenia did not reject the proposal made by Azerbaijan, the Armenian foreign ministry said.");
  assert.ok(not.some((e) => e.type === "REJECT" && e.status === "denied"), show(not));
});

test("vocabulary: Central Asian languages", () => {
  const cases: Case[] = [
    ["Қазақстан Сыртқы істер министрлігі Түркияға дәрігерлер мен құтқарушыларды жіберуге дайын екенін мәлімдеді.", "AGREE", "KAZ-TUR"],
    ["Ресейдің әскери ұшақтары Финляндияның әуе кеңістігін бұзды, деп хабарлады министрлік.", "COERCE", "FIN-RUS"],
    ["O'zbekiston Tashqi ishlar vazirligi Afg'oniston elchisini chaqirib, norozilik notasini topshirdi.", "ACCUSE", "AFG-UZB"],
    ["Вазорати корҳои хориҷии Тоҷикистон иддаоҳои Қирғизистонро беасос хонд, хабар медиҳад хадамоти матбуот.", "REJECT", "KGZ-TJK"],
    ["Кыргызстандын Тышкы иштер министрлиги Тажикстандын элчисин чакырып, нааразылык нотасын тапшырды.", "ACCUSE", "KGZ-TJK"],
  ];
  for (const [text, type, sides] of cases) {
    const evs = eventsOf(text);
    assert.ok(evs.some((e) => !e.status && e.type === type && countries(e) === sides), `expected ${type} ${sides}\n  in: ${text}\n  got: ${show(evs)}`);
  }
});

test("imperfective arrivals and 'saw each other' in Russian and Ukrainian report a visit and a meeting", () => {
  const cases: Case[] = [
    ["Министр иностранных дел Венгрии Петер Сийярто приезжал в Москву в понедельник.", "CONSULT", "HUN-RUS"],
    ["Глава МЗС Угорщини Петер Сійярто приїжджав до Москви у понеділок.", "CONSULT", "HUN-RUS"],
    ["Глава МИД России Сергей Лавров и глава МИД Венгрии Петер Сийярто виделись в понедельник в Москве.", "CONSULT", "HUN-RUS"],
    ["Глава МЗС Росії Сергій Лавров і глава МЗС Угорщини Петер Сійярто бачилися у понеділок у Москві.", "CONSULT", "HUN-RUS"],
  ];
  for (const [text, type, sides] of cases) {
    const evs = eventsOf(text);
    assert.ok(evs.some((e) => !e.status && e.type === type && countries(e) === sides), `${text}\n  got: ${show(evs)}`);
  }
});

test("the nationality of a ship or plane with aid is the donor's, that of the port the recipient's", () => {
  const cases: Case[] = [
    ["A Russian ship carrying humanitarian aid for earthquake victims arrived at the Syrian port of Latakia today.", "AID", "RUS-SYR"],
    ["Российский самолет с гуманитарной помощью прибыл в Дамаск.", "AID", "RUS-SYR"],
  ];
  for (const [text, type, sides] of cases) {
    const evs = eventsOf(text);
    assert.ok(evs.some((e) => !e.status && e.type === type && countries(e) === sides), `${text}\n  got: ${show(evs)}`);
  }
  // Outside aid the adjective still describes a thing, not a side.
  const evs = eventsOf("Turkish Foreign Minister Hakan Fidan met his Syrian counterpart in Ankara, as a Russian ship docked at the port.");
  assert.ok(!evs.some((e) => e.actors.some((a) => a.country === "RUS")), show(evs));
});

test("protest notes handed over in the passive (ru) and a protest document (es) are ACCUSE", () => {
  const cases: Case[] = [
    ["В МИД России временному поверенному в делах Латвии вручена ответная нота.", "ACCUSE", "LVA-RUS"],
    ["Послу Эстонии в МИД России заявлен решительный протест.", "ACCUSE", "EST-RUS"],
    ["La Cancillería de Perú entregó un documento de protesta al embajador de Bolivia.", "ACCUSE", "BOL-PER"],
  ];
  for (const [text, type, sides] of cases) {
    const evs = eventsOf(text);
    assert.ok(evs.some((e) => !e.status && e.type === type && countries(e) === sides), `${text}\n  got: ${show(evs)}`);
  }
});

test("vocabulary: praise in a participle clause goes to the party it names or refers back to", () => {
  const his = eventsOf("The Chilean president met President of Brazil Luiz Inacio Lula da Silva in Santiago, praising his leadership on climate.");
  assert.ok(his.some((e) => e.type === "SUPPORT" && countries(e) === "BRA-CHL"), show(his));
  const named = eventsOf("The Irish foreign minister addressed the press in Dublin, commending Norway for its role in the peace process.");
  assert.ok(named.some((e) => e.type === "SUPPORT" && countries(e).includes("NOR")), show(named));
  // Bravery of firefighters is praise of no party.
  const none = eventsOf("The Chilean president met President of Brazil Luiz Inacio Lula da Silva in Santiago, commending the bravery of the firefighters.");
  assert.ok(!none.some((e) => e.type === "SUPPORT"), show(none));
});

test("vocabulary: a request to no party is no REQUEST; its infinitive is content", () => {
  const none = eventsOf("The Iranian foreign ministry criticised the new measures, urging the international community to hold Canada accountable.");
  assert.ok(!none.some((e) => e.type === "REQUEST"), show(none));
  const party = eventsOf("The Kazakh president urged Russia to resume gas supplies through the pipeline.");
  assert.ok(party.some((e) => e.type === "REQUEST" && countries(e) === "KAZ-RUS"), show(party));
  const pronoun = eventsOf("President of Kenya William Ruto met President of France Emmanuel Macron in Paris. Ruto urged him to visit Nairobi.");
  assert.ok(pronoun.some((e) => e.type === "REQUEST"), show(pronoun));
});

test("vocabulary: praise of a meeting is the meeting, not an act of support", () => {
  const praised = eventsOf("President of Kyrgyzstan Sadyr Japarov and President of Tajikistan Emomali Rahmon commended their recent meeting in Bishkek.");
  assert.ok(praised.some((e) => e.type === "CONSULT" && countries(e) === "KGZ-TJK"), show(praised));
  assert.ok(!praised.some((e) => e.type === "SUPPORT"), show(praised));
  // Congratulating the host of a meeting is support given to a person.
  const host = eventsOf("Президент Киргизии Садыр Жапаров посетил Душанбе. Гость поздравил хозяина встречи с днём рождения.");
  assert.ok(host.some((e) => e.type === "SUPPORT"), show(host));
});

test("vocabulary: Chinese dates of a report and the odds of a summit; Russian «Египта»", () => {
  const zh = (text: string) => extractText({ name: "zh", origin: "zh", text: `外长会谈\n\n2025-07-13\n\n${text}\n`, encoding: "UTF-8" }).events;
  // The 12th is when Wang spoke; the talks are the ones of the 11th.
  const told = zh("中国外交部长王毅与美国国务卿鲁比奥11日在吉隆坡会面。王毅12日对中国媒体透露，与鲁比奥的会谈富有成果。");
  assert.ok(!told.some((e) => e.type === "CONSULT" && e.date === "2025-07-12"), show(told));
  // "The odds of a summit are high": not held.
  const odds = zh("鲁比奥表示，美国总统特朗普与中国国家主席习近平会晤的几率很高。");
  assert.ok(!odds.some((e) => e.type === "CONSULT" && !e.status), show(odds));
  const ru = eventsOf("Министр иностранных дел России Сергей Лавров провёл переговоры с министром иностранных дел Египта Бадром Абдельати.");
  assert.ok(ru.some((e) => e.type === "CONSULT" && countries(e) === "EGY-RUS"), show(ru));
});

test("vocabulary: 'representations' are a protest; 'The UK sanctioned' is a sanction of its own after another", () => {
  const reps = eventsOf("China lodged solemn representations with Japan over its decision to release the water.");
  assert.ok(reps.some((e) => e.type === "ACCUSE" && countries(e) === "CHN-JPN"), show(reps));
  const two = eventsOf("Russia banned entry to 500 American citizens on Monday. The UK sanctioned four Iranian officials over human rights abuses.");
  assert.ok(two.some((e) => e.type === "SANCTION" && countries(e) === "GBR-IRN"), show(two));
  assert.ok(two.some((e) => e.type === "SANCTION" && countries(e) === "RUS-USA"), show(two));
});

test("vocabulary: an event noun after 'any' names no occurrence", () => {
  for (const [text, lang] of [
    ["Иран пригрозил ответить на любую атаку Израиля.", "ru"],
    ["هددت إيران بالرد على أي هجوم إسرائيلي.", "ar"],
    ["Iran warned that any Israeli strike would be answered.", "en"],
  ]) {
    const evs = extractText({ name: "any", origin: "any", text: `T\n\n2024-05-14\n\n${text}\n`, encoding: "UTF-8" }).events;
    assert.ok(!evs.some((e) => e.type === "ASSAULT" && !e.status), `${lang}: ${show(evs)}`);
  }
  const struck = eventsOf("Israeli aircraft struck targets in southern Lebanon overnight, the army said.");
  assert.ok(struck.some((e) => e.type === "ASSAULT"), show(struck));
});

test("vocabulary: blocking a decision or package is a rejection; blocking a border is coercion", () => {
  const pkg = eventsOf("Венгрия заблокировала пакет помощи Украине на заседании Совета ЕС.");
  assert.ok(pkg.some((e) => e.type === "REJECT") && !pkg.some((e) => e.type === "COERCE"), show(pkg));
  const en = eventsOf("Slovakia blocked the joint statement on Georgia at the meeting.");
  assert.ok(en.some((e) => e.type === "REJECT") && !en.some((e) => e.type === "COERCE"), show(en));
  const border = eventsOf("Азербайджан заблокировал границу с Арменией в понедельник.");
  assert.ok(border.some((e) => e.type === "COERCE"), show(border));
});

test("vocabulary: aid paused or suspended is a sanction, not aid", () => {
  for (const text of [
    "The United States paused all military aid to Ukraine on Monday, an official said.",
    "США приостановили военную помощь Украине в понедельник.",
    "Les États-Unis ont suspendu l'aide militaire à l'Ukraine lundi.",
  ]) {
    const evs = extractText({ name: "aid", origin: "aid", text: `T\n\n2025-03-04\n\n${text}\n`, encoding: "UTF-8" }).events;
    assert.ok(evs.some((e) => e.type === "SANCTION" && e.cameo === "162" && countries(e) === "UKR-USA"), show(evs));
    assert.ok(!evs.some((e) => e.type === "AID"), show(evs));
  }
});

test("vocabulary: leaders who clash in words use no force; troops who clash do", () => {
  const words = eventsOf("US President Donald Trump and Ukrainian President Volodymyr Zelensky clashed in front of reporters at the White House.");
  assert.ok(!words.some((e) => e.type === "ASSAULT"), show(words));
  const troops = eventsOf("Azerbaijani and Armenian troops clashed on the border on Tuesday.");
  assert.ok(troops.some((e) => e.type === "ASSAULT" && countries(e) === "ARM-AZE"), show(troops));
});
