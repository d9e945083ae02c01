// Named heuristics of the event stage, each on short texts the team wrote: what the rule keeps
// apart, and what it leaves alone.
import assert from "node:assert/strict";
import { test } from "node:test";
import { extractArticle } from "../pipeline/index.js";
import type { Article, EventRecord } from "../types.js";

function eventsOf(text: string, lang = "en"): EventRecord[] {
  const paragraphs: Article["paragraphs"] = [];
  let at = 0;
  for (const p of text.split("\n")) {
    paragraphs.push({ start: at, end: at + p.length });
    at += p.length + 1;
  }
  const article: Article = { name: "rule", origin: "rule", text, title: null, titleSpan: null, published: "2024-05-15", publishedSpan: null, dateline: null, source: null, paragraphs, lang } as Article;
  return extractArticle(article, "UTF-8").events.filter((e) => !e.status);
}

/** The dates of the events that pass a test, sorted. */
const datesWhere = (evs: EventRecord[], keep: (e: EventRecord) => boolean) => evs.filter(keep).map((e) => e.date).sort();

test("a reception at the airport is the arrival, not a meeting", () => {
  const evs = eventsOf("Tajik President Emomali Rahmon arrived in Ashgabat on Tuesday and was received at the airport by Turkmen Foreign Minister Rashid Meredov.");
  assert.ok(evs.some((e) => e.mode === "visit"), "the visit stays");
  assert.ok(!evs.some((e) => e.mode === "meeting"), evs.map((e) => e.mode).join(","));
  // Without an airport the same verb is a meeting.
  const met = eventsOf("Turkmen Foreign Minister Rashid Meredov received Tajik Foreign Minister Sirojiddin Muhriddin in Ashgabat on Tuesday.");
  assert.ok(met.some((e) => e.mode === "meeting"));
});

test("a person quoted after the event is its source, not a side", () => {
  const evs = eventsOf("President Kassym-Jomart Tokayev met President Shavkat Mirziyoyev in Tashkent on Tuesday.\nThe sides agreed to open two new border crossings, Kazakh Foreign Minister Murat Nurtleu told reporters.");
  const agree = evs.find((e) => e.type === "AGREE");
  assert.equal(agree?.actors.find((a) => a.country === "KAZ")?.name, "Kassym-Jomart Tokayev");
  // A named person in the clause of the trigger stays a side.
  const [call] = eventsOf("Kazakh Foreign Minister Murat Nurtleu spoke by phone with his Uzbek counterpart on Tuesday, the ministry said.");
  assert.equal(call.actors.find((a) => a.country === "KAZ")?.name, "Murat Nurtleu");
});

test("two agreements on different things stay two; one told twice is one", () => {
  const two = eventsOf("Kazakhstan and Uzbekistan agreed to raise mutual trade to 10 billion dollars.\nUzbekistan also agreed to open a new border crossing with Kazakhstan.");
  assert.equal(two.filter((e) => e.type === "AGREE").length, 2);
  const one = eventsOf("Kazakhstan and Uzbekistan agreed to raise mutual trade to 10 billion dollars.\nIn a joint statement, the two countries agreed to bring trade to 10 billion dollars by 2030.");
  assert.equal(one.filter((e) => e.type === "AGREE" && e.mode === "agree").length, 1);
});

test("an organisation that is the setting of a bilateral meeting is not a side", () => {
  const evs = eventsOf("Tajik President Emomali Rahmon met Iranian President Masoud Pezeshkian on the sidelines of the UN General Assembly in New York.");
  const meeting = evs.find((e) => e.type === "CONSULT");
  assert.deepEqual([...new Set(meeting?.actors.map((a) => a.country))].sort(), ["IRN", "TJK"]);
  const ru = eventsOf("Президент Таджикистана Эмомали Рахмон в рамках саммита СНГ встретился с президентом Казахстана Касым-Жомартом Токаевым.", "ru");
  assert.ok(!ru.some((e) => e.mode === "meeting" && e.actors.some((a) => a.country === "CIS")), JSON.stringify(ru.map((e) => e.actors.map((a) => a.country))));
});

test("a message that arrives is not a visit", () => {
  const evs = eventsOf("Messages of congratulation also arrived from the President of China and the President of Russia.");
  assert.ok(!evs.some((e) => e.mode === "visit"), evs.map((e) => `${e.type}/${e.mode}`).join(","));
  const ru = eventsOf("Поздравительные послания также поступили от президента Китая.", "ru");
  assert.ok(!ru.some((e) => e.mode === "visit"));
  // A person who arrives still visits.
  assert.ok(eventsOf("The President of China arrived in Dushanbe on a state visit to Tajikistan.").some((e) => e.mode === "visit"));
});

test("'according to' names the source, not a side", () => {
  const evs = eventsOf("President Sadyr Japarov met President Emomali Rahmon in Dushanbe on Tuesday.\nAccording to the President of Tajikistan, the sides also agreed that a treaty between Tajikistan, Kyrgyzstan and Uzbekistan would be signed in Khujand.");
  const agree = evs.find((e) => e.type === "AGREE");
  assert.deepEqual([...new Set(agree?.actors.map((a) => a.country))].sort(), ["KGZ", "TJK"]);
});

test("the country right after a hostile trigger is its target", () => {
  const evs = eventsOf("Lukashenko said Belarus values its friendship with China and condemns the statements of Poland on the border.");
  const accuse = evs.find((e) => e.type === "ACCUSE");
  assert.deepEqual([...new Set(accuse?.actors.map((a) => a.country))].sort(), ["BLR", "POL"]);
});

test("'the summit hosted by Russia' is the summit, not a meeting", () => {
  const evs = eventsOf("The leaders of Russia, China and Kazakhstan attended the SCO summit hosted by Uzbekistan in Samarkand.");
  assert.ok(!evs.some((e) => e.mode === "meeting"), evs.map((e) => `${e.type}/${e.mode}`).join(","));
  assert.ok(evs.some((e) => e.mode === "multilateral"));
  // A bilateral meeting on the sidelines still replaces the summit as the event of its sentence.
  const side = eventsOf("On the sidelines of the SCO summit, Putin met Xi Jinping.");
  assert.ok(side.some((e) => e.mode === "meeting") && !side.some((e) => e.mode === "multilateral"));
});

test("an organisation named with its head is a participant; the summit keeps its own organisation", () => {
  const evs = eventsOf("Kassym-Jomart Tokayev hosted the SCO summit in Astana on Thursday.\nUN Secretary-General António Guterres addressed the summit's closing session, chaired by Tokayev.");
  const summit = evs.find((e) => e.mode === "multilateral" && e.actors.some((a) => a.country === "UN"));
  assert.ok(summit, JSON.stringify(evs.map((e) => e.actors.map((a) => a.country))));
  assert.ok(summit.actors.some((a) => a.country === "SCO"));
});

test("what a warning says is content: its countries are not sides", () => {
  const evs = eventsOf("Iran summoned the German ambassador on Monday.\nThe ambassador was warned that if German ships entered Iraqi waters, Iranian forces would respond.");
  const threat = evs.find((e) => e.type === "THREATEN");
  assert.ok(threat, evs.map((e) => e.type).join(","));
  assert.deepEqual([...new Set(threat.actors.map((a) => a.country))].sort(), ["DEU", "IRN"]);
});

test("in a protest, the person it is handed to speaks for the country, not one named as its cause", () => {
  const evs = eventsOf("The Chinese Foreign Ministry lodged a strong protest with Japanese Ambassador Kenji Tanaka over remarks by Prime Minister Fumio Kishida.");
  const accuse = evs.find((e) => e.type === "ACCUSE");
  assert.equal(accuse?.actors.find((a) => a.country === "JPN")?.role, "ambassador");
});

test("two persons of different countries joined by 'and' are the parties, not a senior person named later", () => {
  const evs = eventsOf("In May, Wang Yi and Ahmadian spoke by telephone about regional security, and Wang Yi offered condolences over the death of President Ebrahim Raisi.");
  const call = evs.find((e) => e.mode === "phone");
  assert.equal(call?.actors.find((a) => a.country === "IRN")?.name, "Ali Akbar Ahmadian");
});

test("'the guest' and 'the host' are the visitor and the host of the visit reported before", () => {
  const evs = eventsOf("Kazakh President Kassym-Jomart Tokayev arrived in Tashkent on a state visit on Tuesday.\nPresident Shavkat Mirziyoyev held talks with Tokayev.\nThe guest congratulated the host on the anniversary of the country's independence.");
  const support = evs.find((e) => e.type === "SUPPORT");
  assert.ok(support, evs.map((e) => e.type).join(","));
  assert.equal(support.actors[0].country, "KAZ");
  assert.equal(support.actors[0].name, "Kassym-Jomart Tokayev");
  assert.ok(support.actors.some((a) => a.country === "UZB"));
});

test("what answers an appeal is reported; the appeal it answers is not an event", () => {
  const evs = eventsOf("Kazakhstan sent humanitarian aid to Afghanistan on Tuesday in response to appeals by the United Nations for help.");
  assert.ok(evs.some((e) => e.type === "AID"));
  assert.ok(!evs.some((e) => e.type === "REQUEST"), evs.map((e) => e.type).join(","));
});

test("a title without a name is the person of that country and office the article names", () => {
  const evs = eventsOf("Uzbekistan sent fuel to Afghanistan on Tuesday, Afghan Ambassador Ahmad Karimi said.\nThe Afghan envoy thanked Uzbekistan for the timely help.");
  const support = evs.find((e) => e.type === "SUPPORT");
  assert.equal(support?.actors.find((a) => a.country === "AFG")?.name, "Ahmad Karimi");
});

test("aid announced for the future is a pledge made now; aid merely prepared is not", () => {
  const evs = eventsOf("Germany announced that it will send military aid to Moldova every year.");
  assert.ok(evs.some((e) => e.type === "AGREE" && e.mode === "agree"), evs.map((e) => `${e.type}/${e.mode}`).join(","));
  const prep = eventsOf("The Emirates will soon send humanitarian aid to Syria.");
  assert.ok(!prep.some((e) => e.type === "AGREE"), prep.map((e) => `${e.type}/${e.mode}`).join(","));
});

test("a side named as subject with 'the two ministers' as its object meets both", () => {
  const evs = eventsOf("Iranian Foreign Minister Hossein Amir-Abdollahian met Saudi Foreign Minister Faisal bin Farhan in Beijing on Thursday.\nChinese Foreign Minister Qin Gang later held talks with the two ministers.");
  const talks = evs.find((e) => e.type === "CONSULT" && e.actors.some((a) => a.country === "CHN"));
  assert.deepEqual([...new Set(talks?.actors.map((a) => a.country))].sort(), ["CHN", "IRN", "SAU"]);
});

test("'this meeting' is the meeting already reported, not a new one", () => {
  const evs = eventsOf("Iranian Foreign Minister Hossein Amir-Abdollahian met Saudi Foreign Minister Faisal bin Farhan in Beijing on Thursday.\nThis meeting was their first since 2016.");
  assert.equal(evs.filter((e) => e.mode === "meeting").length, 1, evs.map((e) => `${e.mode} ${e.date}`).join(","));
});

test("congratulations one way and thanks the other way are two acts of support", () => {
  const evs = eventsOf("Emomali Rahmon held a telephone conversation with Vladimir Putin on Monday.\nRahmon congratulated Putin on his birthday.\nPutin thanked Rahmon for the congratulations.", "en");
  const support = evs.filter((e) => e.type === "SUPPORT").map((e) => e.actors[0].country).sort();
  assert.deepEqual(support, ["RUS", "TJK"]);
});

test("'he' opening a sentence is the first person named in the sentence before", () => {
  const evs = eventsOf("Emomali Rahmon held a telephone conversation with Vladimir Putin on Monday.\nPresident Rahmon expressed gratitude for the humanitarian assistance.\nHe also praised Russia's efforts against the pandemic.");
  const praise = evs.filter((e) => e.type === "SUPPORT");
  assert.ok(praise.length >= 1);
  assert.ok(praise.every((e) => e.actors[0].country === "TJK"), praise.map((e) => e.actors.map((a) => a.country).join("-")).join(","));
});

test("a visit and its meeting put the visitor first, even when the host is named first", () => {
  const evs = eventsOf("President Emomali Rahmon welcomed President Sadyr Japarov, who arrived in Tajikistan on an official visit, in Dushanbe on Wednesday.\nThe two presidents held talks.");
  const visit = evs.find((e) => e.mode === "visit");
  assert.equal(visit?.actors[0].country, "KGZ");
  const meeting = evs.find((e) => e.mode === "meeting");
  assert.equal(meeting?.actors[0].country, "KGZ");
});

test("a name is not a trigger (Arabic Faisal is not 'he arrives')", () => {
  const evs = eventsOf("تلقى الأمير فيصل بن فرحان وزير الخارجية اتصالا هاتفيا من وزير خارجية طاجيكستان.", "ar");
  assert.ok(!evs.some((e) => e.mode === "visit"), evs.map((e) => e.mode).join(","));
});

test("an earlier occasion with its own date is not merged into today's undated report", () => {
  const evs = eventsOf("President Aliyev and President Erdogan held talks in Baku.\nTheir friendship began with a handshake of the two presidents in Istanbul in March 2019.", "en");
  assert.deepEqual(datesWhere(evs, (e) => e.type === "CONSULT"), ["2019-03", "2024-05-15"]);
});

test("a visit told by its arrival and its welcome the next day is one visit, dated by the arrival", () => {
  const evs = eventsOf("Kazakh President Kassym-Jomart Tokayev arrived in Dushanbe on a state visit on 13 May.\nOn 14 May a welcome ceremony was held for the President of Kazakhstan, who arrived in Tajikistan on a state visit.");
  const visits = evs.filter((e) => e.mode === "visit");
  assert.equal(visits.length, 1, visits.map((e) => e.date).join(","));
  assert.equal(visits[0].date, "2024-05-13");
});

test("a date in a relative clause after the trigger is not the event's", () => {
  const evs = eventsOf("Tokayev and Mirziyoyev held talks in Astana on Tuesday.\nLater, Tokayev conferred on Mirziyoyev the Order of the Golden Eagle, which had been announced in 2021.");
  const award = evs.find((e) => e.type === "SUPPORT");
  assert.notEqual(award?.date, "2021");
});

test("a plane or convoy that arrives is a delivery of aid, not a visit", () => {
  const evs = eventsOf("Two planes of the United Arab Emirates with a rescue team arrived in Turkey on Monday.");
  assert.ok(!evs.some((e) => e.mode === "visit"), evs.map((e) => `${e.type}/${e.mode}`).join(","));
  assert.ok(evs.some((e) => e.type === "AID"));
});

test("'our head of state' and 'our country' are the report's own country and its president", () => {
  const evs = eventsOf("Prezident Shavkat Mirziyoyev Qozog'iston Prezidenti bilan telefon orqali muloqot qildi.\nDavlatimiz rahbari Qozog'iston Prezidentini bayram bilan tabrikladi.", "uz");
  const support = evs.find((e) => e.type === "SUPPORT");
  assert.equal(support?.actors[0].country, "UZB");
  assert.equal(support?.actors[0].name, "Shavkat Mirziyoyev");
  const fa = eventsOf("وزیر امور خارجه کشورمان با همتای ترکیه‌ای خود تلفنی گفت‌وگو کرد.", "fa");
  assert.ok(fa.some((e) => e.mode === "phone" && e.actors.some((a) => a.country === "IRN") && e.actors.some((a) => a.country === "TUR")), JSON.stringify(fa.map((e) => e.actors.map((a) => a.country))));
});

test("rejecting 'any attempt' states a position; rejecting a proposal is an event", () => {
  const pos = eventsOf("Kazakhstan and Kyrgyzstan held talks in Bishkek.\nPresident Japarov rejected any attempt to redraw the border by force.");
  assert.ok(!pos.some((e) => e.type === "REJECT"), pos.map((e) => e.type).join(","));
  const rej = eventsOf("Armenia rejected the Azerbaijani proposal on the border commission.");
  assert.ok(rej.some((e) => e.type === "REJECT"), rej.map((e) => e.type).join(","));
});

test("talks that are supported or proposed did not take place", () => {
  const evs = eventsOf("The OSCE chairman said that Armenia and Azerbaijan supported a ceasefire and talks.");
  assert.ok(!evs.some((e) => e.mode === "meeting"), evs.map((e) => `${e.type}/${e.mode}`).join(","));
  const held = eventsOf("Armenia and Azerbaijan held talks on the border on Friday.");
  assert.ok(held.some((e) => e.mode === "meeting"));
});

test("a joint statement that is signed is the signing's document, not a second agreement", () => {
  const evs = eventsOf("The presidents of Egypt and Turkey signed a joint declaration on the strategic cooperation council.");
  assert.deepEqual(evs.filter((e) => e.type === "AGREE").map((e) => e.mode), ["sign"]);
  const adopted = eventsOf("The presidents of Egypt and Turkey adopted a joint declaration on the strategic cooperation council.");
  assert.ok(adopted.some((e) => e.type === "AGREE" && e.mode === "agree"), adopted.map((e) => `${e.type}/${e.mode}`).join(","));
});

test("in a verb-final language, two dates before one call are two calls", () => {
  const evs = eventsOf("国家主席习近平同俄罗斯总统普京举行视频会晤。\n两国元首已于3月和8月两次通电话。", "zh");
  // Published 2024-05-15: March is this year's, August last year's.
  assert.deepEqual(datesWhere(evs, (e) => e.mode === "phone"), ["2023-08", "2024-03"]);
});

test("those who attended the meeting are its participants, not a new meeting", () => {
  const evs = eventsOf("Putin and Xi Jinping held talks in Beijing on Monday.\nLavrov and Wang Yi attended the talks.");
  assert.equal(evs.filter((e) => e.type === "CONSULT").length, 1, evs.map((e) => e.actors.map((a) => a.name).join("-")).join(","));
});

test("'thanked for the congratulations' is one act of support, told by its verb", () => {
  assert.equal(eventsOf("Putin thanked Rahmon for the congratulations on Monday.").filter((e) => e.type === "SUPPORT").length, 1);
  const fa = eventsOf("وزیر خارجه ترکیه از همدردی ایران قدردانی کرد.", "fa");
  assert.ok(fa.filter((e) => e.type === "SUPPORT").length <= 1, fa.map((e) => e.trigger.text).join(","));
});

test("a summit elsewhere does not take in the delegations of other talks", () => {
  const evs = eventsOf("On 13 May political consultations between the foreign ministries of Tajikistan and China were held in Beijing.\nThe Chinese delegation was headed by Deputy Foreign Minister Sun Weidong.\nOn the same day Foreign Minister Sirojiddin Muhriddin took part in the meeting of the CIS Council of Foreign Ministers in Minsk.");
  const cis = evs.find((e) => e.actors.some((a) => a.country === "CIS"));
  assert.ok(cis, evs.map((e) => `${e.type}/${e.mode}`).join(","));
  assert.ok(!cis.actors.some((a) => a.country === "CHN"), cis.actors.map((a) => a.country).join(","));
});

test("'the sides discussed the visit of the President': what follows the verb is the subject of talk", () => {
  const evs = eventsOf("Foreign Minister Sirojiddin Muhriddin held talks with Chinese Foreign Minister Wang Yi in Beijing on Monday.\nThe sides discussed preparations for the visit of the President of Tajikistan to China.");
  const meetings = evs.filter((e) => e.mode === "meeting");
  assert.equal(meetings.length, 1, meetings.map((e) => e.actors.map((a) => a.name).join("-")).join(" | "));
});

test("'the meeting of the Council of Foreign Ministers' is the council's session, a multilateral event", () => {
  const evs = eventsOf("Foreign Minister Sirojiddin Muhriddin took part in the meeting of the CIS Council of Foreign Ministers in Minsk on Monday.");
  assert.ok(evs.some((e) => e.mode === "multilateral"), evs.map((e) => `${e.type}/${e.mode}`).join(","));
  // Talks on the sidelines of a summit stay a bilateral meeting.
  const side = eventsOf("Putin held talks with Erdogan on the sidelines of the SCO summit in Samarkand on Monday.");
  assert.ok(side.some((e) => e.mode === "meeting") && !side.some((e) => e.mode === "multilateral"));
});

test("an organisation's council of heads of state is the organisation, without a state's title", () => {
  const evs = eventsOf("Мемлекет басшысы Қасым-Жомарт Тоқаев Астанада ТМД мемлекеттер басшылары кеңесінің отырысын өткізді.", "kk");
  const cis = evs.flatMap((e) => e.actors).filter((a) => a.country === "CIS");
  assert.ok(cis.length, JSON.stringify(evs.map((e) => e.actors)));
  assert.ok(cis.every((a) => a.role !== "head_of_state"), JSON.stringify(cis));
});

test("a document signed by a third side after two others' talks is signed by all three", () => {
  const evs = eventsOf("Armenian Foreign Minister Ararat Mirzoyan held talks with Azerbaijani Foreign Minister Jeyhun Bayramov in Washington on Monday.\nThe statement was signed on behalf of the American side by Secretary of State Antony Blinken.");
  const sign = evs.find((e) => e.mode === "sign");
  assert.deepEqual([...new Set(sign?.actors.map((a) => a.country))].sort(), ["ARM", "AZE", "USA"]);
});

test("talks held in the country named as their host or mediator include it", () => {
  const evs = eventsOf("Qatar agreed to host talks between Ethiopia and Egypt on the dam.\nThe talks between Ethiopian and Egyptian officials were held in Doha on Monday.");
  const held = evs.find((e) => e.mode === "meeting" && e.date === "2024-05-13");
  assert.ok(held?.actors.some((a) => a.country === "QAT"), JSON.stringify(evs.map((e) => [e.date, e.actors.map((a) => a.country)])));
  // Without a host named, talks in a capital are the two sides' alone.
  const plain = eventsOf("The talks between Ethiopian and Egyptian officials were held in Doha on Monday.");
  assert.ok(plain.every((e) => !e.actors.some((a) => a.country === "QAT")));
});

test("talks agreed to or called for are still to come", () => {
  const evs = eventsOf("Ethiopia and Egypt agreed to hold talks on the dam.", "en");
  assert.ok(evs.every((e) => e.type !== "CONSULT"), evs.map((e) => `${e.type}/${e.mode}`).join(","));
  const all = extractArticle({ name: "r", origin: "r", text: "Ethiopia and Egypt agreed to hold talks on the dam.", title: null, titleSpan: null, published: "2024-05-15", publishedSpan: null, dateline: null, source: null, paragraphs: [{ start: 0, end: 51 }] } as Article, "UTF-8").events;
  assert.ok(all.some((e) => e.type === "CONSULT" && e.status === "planned"));
});

test("'his Tajik counterpart' is the holder of the other side's office on the date", () => {
  const [en] = eventsOf("Sergey Lavrov held talks with his Tajik counterpart in Moscow on Tuesday.");
  assert.equal(en.actors.find((a) => a.country === "TJK")?.name, "Sirojiddin Muhriddin");
  const [ru] = eventsOf("Сергей Лавров провел переговоры с таджикским коллегой в Москве.", "ru");
  assert.equal(ru.actors.find((a) => a.country === "TJK")?.role, "foreign_minister");
});

test("the leader of the country visited is the host, whoever is named first", () => {
  const evs = eventsOf("President Abdelmadjid Tebboune received Foreign Minister Sirojiddin Muhriddin, who is on a working visit to Algeria, on Sunday.");
  const visit = evs.find((e) => e.mode === "visit");
  assert.equal(visit?.actors[0].country, "TJK");
  assert.equal(visit?.location?.country, "DZA");
});

test("a title of one country's institution implies the country and resolves its holder", () => {
  const [ev] = eventsOf("The Chairman of the State Duma received a delegation of the parliament of Tajikistan.");
  const rus = ev?.actors.find((a) => a.country === "RUS");
  assert.equal(rus?.name, "Vyacheslav Volodin");
  assert.equal(rus?.role, "legislature_head");
});

test("an undated article keeps the day its text last stated for the next paragraph", () => {
  const text = "Tajik Foreign Minister Sirojiddin Muhriddin met Iranian Foreign Minister Hossein Amir-Abdollahian in Tehran on 13 May 2024.\n\nMuhriddin also met the Speaker of the Islamic Consultative Assembly.";
  const r = extractArticle({ name: "u", origin: "u", text, title: null, titleSpan: null, published: null, publishedSpan: null, dateline: null, source: null, paragraphs: [{ start: 0, end: text.indexOf("\n") }, { start: text.lastIndexOf("\n") + 1, end: text.length }] } as Article, "UTF-8");
  const second = r.events.find((e) => e.actors.some((a) => a.name === "Mohammad Bagher Ghalibaf"));
  assert.equal(second?.date, "2024-05-13", JSON.stringify(r.events.map((e) => [e.date, e.actors.map((a) => a.name)])));
});

test("credentials of the ambassadors of three countries are three audiences", () => {
  const evs = eventsOf("On Thursday, President Emomali Rahmon received the credentials of the newly appointed ambassadors of Germany, Japan and Egypt.");
  const met = evs.filter((e) => e.mode === "meeting").map((e) => e.actors.find((a) => a.country !== "TJK")?.country).sort();
  assert.deepEqual(met, ["DEU", "EGY", "JPN"]);
  assert.ok(evs.filter((e) => e.mode === "meeting").every((e) => e.actors.find((a) => a.country !== "TJK")?.role === "ambassador"));
});

test("'at the initiative of the Kazakh side' puts the initiator of the call first", () => {
  const evs = eventsOf("Состоялся телефонный разговор Президента России с Президентом Казахстана.\nРазговор прошёл по инициативе казахстанской стороны.", "ru");
  const call = evs.find((e) => e.mode === "phone");
  assert.equal(call?.actors[0].country, "KAZ", JSON.stringify(evs.map((e) => e.actors.map((a) => a.country))));
});

test("'the Head of State also met with X and Y': the article's head of state, one meeting each", () => {
  const evs = eventsOf("President Emomali Rahmon met Kazakh President Kassym-Jomart Tokayev on Monday.\nOn the same day, the Head of State also met with President of Azerbaijan Ilham Aliyev and President of Türkiye Recep Tayyip Erdogan.");
  const pairs = evs.filter((e) => e.mode === "meeting").map((e) => e.actors.map((a) => a.country).sort().join("-")).sort();
  assert.deepEqual(pairs, ["AZE-TJK", "KAZ-TJK", "TJK-TUR"]);
});

test("an invitation accepted 'with gratitude' is no act of thanks", () => {
  const evs = eventsOf("Shehbaz Sharif invited President Emomali Rahmon to visit Pakistan, and the invitation was accepted with gratitude.");
  assert.ok(!evs.some((e) => e.type === "SUPPORT"), evs.map((e) => e.type).join(","));
  assert.ok(eventsOf("President Rahmon expressed gratitude to Pakistan for the assistance.").some((e) => e.type === "SUPPORT"));
});

test("Uzbek news in Cyrillic is Uzbek and matches the Uzbek lexicon", () => {
  const text = "Ўзбекистон Республикаси Президенти Шавкат Мирзиёев Тожикистон Президенти Эмомали Раҳмон билан учрашди. Учрашув якунида бир қатор ҳужжатлар имзоланди.";
  const r = extractArticle({ name: "uzc", origin: "uzc", text, title: null, titleSpan: null, published: "2024-04-18", publishedSpan: null, dateline: null, source: null, paragraphs: [{ start: 0, end: text.length }] } as Article, "UTF-8");
  assert.equal(r.lang, "uz");
  assert.ok(r.events.some((e) => e.mode === "meeting" && e.actors.some((a) => a.country === "TJK")), JSON.stringify(r.events.map((e) => [e.type, e.mode])));
});

test("talks in the days of a visit happen where the visit is; a capital has its name of the day", () => {
  const text = "President Erdogan arrived in Cairo on an official visit on Wednesday.\n\nThe two presidents held talks on Thursday.";
  const r = extractArticle({ name: "v", origin: "v", text, title: null, titleSpan: null, published: "2024-02-16", publishedSpan: null, dateline: null, source: null, paragraphs: [{ start: 0, end: text.indexOf("\n") }, { start: text.lastIndexOf("\n") + 1, end: text.length }] } as Article, "UTF-8");
  const talks = r.events.find((e) => e.mode === "meeting");
  assert.equal(talks?.location?.country, "EGY", JSON.stringify(r.events.map((e) => [e.mode, e.date, e.location])));
  const [old] = eventsOf("Speaker Rustam Emomali met Kazakh Senate Speaker Maulen Ashimbayev in Nur-Sultan on 22 September 2021.");
  assert.equal(old?.location?.city, "Nur-Sultan");
  const [now] = eventsOf("The speaker of the Tajik parliament, Rustam Emomali, met the speaker of the Kazakh Senate, Maulen Ashimbayev, in Astana on Monday.");
  assert.equal(now?.location?.city, "Astana");
});

test("a ministry is its country, not its minister", () => {
  const [ev] = eventsOf("В МИД России был вызван посол Молдовы Лилиан Дарий.", "ru");
  assert.equal(ev?.actors.find((a) => a.country === "RUS")?.name ?? null, null);
});

test("the attack that is condemned is what the accusation is about, not an attack by the condemner", () => {
  const evs = eventsOf("Saudi Arabia strongly condemned the attack on the embassy of Azerbaijan in Tehran.");
  assert.ok(evs.some((e) => e.type === "ACCUSE"));
  assert.ok(!evs.some((e) => e.type === "ASSAULT" && e.actors.some((a) => a.country === "SAU")), JSON.stringify(evs.map((e) => [e.type, e.actors.map((a) => a.country)])));
});

test("a date in a 'where' clause is not the event's", () => {
  const evs = eventsOf("Russian Defence Minister Sergei Shoigu held talks with his Tajik counterpart Sherali Mirzo on the situation on the border, where the Taliban took power in 2021.");
  assert.ok(evs.length && evs.every((e) => e.date !== "2021"), JSON.stringify(evs.map((e) => [e.type, e.date])));
});

test("a preposition that is part of the event phrase introduces its object, not a place", () => {
  const [req] = eventsOf("Beijing's foreign ministry spokesman said China calls on the Philippines to stop its provocations.");
  assert.deepEqual(req?.actors.map((a) => a.country).sort(), ["CHN", "PHL"]);
  // A plain "on" before a country is still a place: no Philippine side in a meeting held there.
  const evs = eventsOf("Chinese and Vietnamese diplomats met on the Philippines' main island on Monday.");
  assert.ok(!evs.some((e) => e.actors.some((a) => a.country === "PHL")), JSON.stringify(evs.map((e) => e.actors.map((a) => a.country))));
});

test("Russian «в» with the accusative is a direction, with the prepositional a place", () => {
  const [aid] = eventsOf("Россия доставила в Сирию очередную партию гуманитарной помощи.", "ru");
  assert.deepEqual(aid?.actors.map((a) => a.country), ["RUS", "SYR"]);
  // «в Сирии» is where it happened: Syria is no side of a meeting held there.
  const evs = eventsOf("Министр иностранных дел России Сергей Лавров провел переговоры с министром иностранных дел Турции в Сирии.", "ru");
  assert.ok(evs.length && !evs.some((e) => e.actors.some((a) => a.country === "SYR")), JSON.stringify(evs.map((e) => e.actors.map((a) => a.country))));
});

test("a country or person talked about is no side: conflict nouns, 'between' after them, possessives", () => {
  const sidesOf = (evs: EventRecord[]) => JSON.stringify(evs.map((e) => e.actors.map((a) => a.country).sort()));
  const call = eventsOf("French President Emmanuel Macron spoke by phone with Chinese President Xi Jinping about tensions between the United States and Iran.");
  assert.equal(sidesOf(call), JSON.stringify([["CHN", "FRA"]]));
  const standoff = eventsOf("The German and Polish foreign ministers met in Berlin and discussed the US-Iran standoff.");
  assert.ok(!standoff.some((e) => e.actors.some((a) => a.country === "USA" || a.country === "IRN")), sidesOf(standoff));
  const pressure = eventsOf("The German and Polish foreign ministers met in Berlin to discuss keeping the pressure on Putin.");
  assert.ok(pressure.length && !pressure.some((e) => e.actors.some((a) => a.country === "RUS")), sidesOf(pressure));
  // What is condemned stays the target, and an actor noun after the possessive keeps the actor.
  const condemned = eventsOf("Germany condemned China's actions in the South China Sea.");
  assert.ok(condemned.some((e) => e.type === "ACCUSE" && e.actors.some((a) => a.country === "CHN")), sidesOf(condemned));
  const minister = eventsOf("Germany's foreign minister met China's foreign minister in Berlin on Monday.");
  assert.equal(sidesOf(minister), JSON.stringify([["CHN", "DEU"]]));
});

test("one side before the trigger and a list after it is one meeting with each; leaders who met together are one", () => {
  const evs = eventsOf("On Friday, President Shavkat Mirziyoyev held meetings with Japanese Prime Minister Fumio Kishida, President of the European Commission Ursula von der Leyen and the President of Azerbaijan.");
  const pairs = evs.filter((e) => e.mode === "meeting").map((e) => e.actors.map((a) => a.country).join("-")).sort();
  assert.deepEqual(pairs, ["UZB-AZE", "UZB-EU", "UZB-JPN"]);
  const ru = eventsOf("В пятницу Президент Казахстана провел встречи с Президентами Азербайджана Ильхамом Алиевым и Таджикистана Эмомали Рахмоном.", "ru");
  assert.equal(ru.filter((e) => e.mode === "meeting").length, 2);
  // A list before the trigger, or a trilateral meeting, is one event.
  const together = eventsOf("The leaders of Russia, China and India met in Kazan on Friday.");
  assert.equal(together.filter((e) => e.type === "CONSULT").length, 1);
  const tri = eventsOf("President Shavkat Mirziyoyev held a trilateral meeting with the presidents of Kazakhstan and Kyrgyzstan.");
  assert.equal(tri.filter((e) => e.type === "CONSULT").length, 1);
});

test("a meeting praised after it was told, the purpose of a recall, or an event commented on is no new event", () => {
  const praised = eventsOf("Kazakh President Kassym-Jomart Tokayev met Uzbek President Shavkat Mirziyoyev in Tashkent on Monday.\nThe two presidents also praised the meeting of their foreign ministers in Astana.");
  assert.equal(praised.filter((e) => e.type === "CONSULT").length, 1, JSON.stringify(praised.map((e) => [e.type, e.trigger.text])));
  // Told first in praise, it is the only report of a meeting that took place.
  const only = eventsOf("Kazakh President Kassym-Jomart Tokayev praised his recent meeting with Uzbek President Shavkat Mirziyoyev.");
  assert.equal(only.filter((e) => e.type === "CONSULT").length, 1);
  const recall = eventsOf("Peru recalled its ambassador in Mexico City for consultations on Tuesday.");
  assert.deepEqual(recall.map((e) => e.type), ["SANCTION"]);
  const ru = eventsOf("Перу отозвало своего посла в Мексике для консультаций.", "ru");
  assert.deepEqual(ru.map((e) => e.type), ["SANCTION"]);
  const commented = eventsOf("Commenting on the summons of the Polish ambassador, the Belarusian foreign ministry spokesman said Minsk had no choice.");
  assert.ok(!commented.some((e) => e.type === "ACCUSE"), JSON.stringify(commented.map((e) => e.type)));
});

test("status is read per clause: a planned meeting's purpose is planned too; a comma ends the reach of a cue", () => {
  const planned = eventsOf("Chancellor Olaf Scholz is expected to meet President Emmanuel Macron on Friday to discuss trade.");
  assert.equal(planned.length, 0, JSON.stringify(planned.map((e) => e.trigger.text)));
  const far = eventsOf("President Emmanuel Macron, who will travel to Beijing in the autumn after a long series of regional visits, met German Chancellor Olaf Scholz.");
  assert.ok(far.some((e) => e.type === "CONSULT"), "a cue in another clause leaves the meeting an event");
});

test("a hostile act aimed at a list is one act towards each; an appeal to two parties stays one", () => {
  const evs = eventsOf("Nicaragua accused the governments of Colombia, Mexico and Chile of interference in its affairs.");
  assert.deepEqual(evs.filter((e) => e.type === "ACCUSE").map((e) => e.actors.map((a) => a.country).join("-")).sort(), ["NIC-CHL", "NIC-COL", "NIC-MEX"]);
  const appeal = eventsOf("China urged India and Pakistan to exercise restraint.");
  assert.equal(appeal.filter((e) => e.type === "REQUEST").length, 1);
});

test("a summit someone came to take part in is told beside the talks on its sidelines", () => {
  const evs = eventsOf("The Turkish foreign minister arrived in Riyadh to take part in the extraordinary summit of the Organisation of Islamic Cooperation, and on the sidelines of the summit he met Iraqi Foreign Minister Fuad Hussein.");
  assert.ok(evs.some((e) => e.mode === "multilateral" && e.actors.some((a) => a.country === "OIC")), JSON.stringify(evs.map((e) => [e.mode, e.actors.map((a) => a.country)])));
  assert.ok(evs.some((e) => e.mode === "meeting"));
  // Without participation stated, the summit is only the setting of the talks.
  const setting = eventsOf("On the sidelines of the summit of the Organisation of Islamic Cooperation in Riyadh, the Turkish foreign minister met Iraqi Foreign Minister Fuad Hussein.");
  assert.ok(!setting.some((e) => e.mode === "multilateral"));
});

test("force and street protest with no side named in their sentence are domestic news, unless the text refers to the sides", () => {
  const evs = eventsOf("Armenian Prime Minister Nikol Pashinyan met Georgian Prime Minister Irakli Kobakhidze in Tbilisi on Monday.\nPolice made more than 2,000 arrests nationwide after demonstrations turned violent.");
  assert.ok(!evs.some((e) => e.type === "COERCE" || e.type === "PROTEST"), JSON.stringify(evs.map((e) => e.type)));
  const clash = eventsOf("Президенты Кыргызстана и Таджикистана Садыр Жапаров и Эмомали Рахмон встретились в Астане в понедельник.\nВо вторник на границе произошла перестрелка между пограничниками двух государств.", "ru");
  assert.ok(clash.some((e) => e.type === "ASSAULT"), JSON.stringify(clash.map((e) => e.type)));
});

test("a gathering named as the setting of talks is not a side or an event; a title bound to an organisation names no article person", () => {
  const evs = eventsOf("On the sidelines of the ASEAN foreign ministers' meetings in Kuala Lumpur on Friday, Chinese Foreign Minister Wang Yi met US Secretary of State Marco Rubio.\nWang Yi also met Malaysian Foreign Minister Mohamad Hasan.");
  const pairs = evs.map((e) => e.actors.map((a) => a.country).sort().join("-")).sort();
  assert.deepEqual(pairs, ["CHN-MYS", "CHN-USA"]);
  const fr = eventsOf("En marge des réunions des ministres des Affaires étrangères de l'ASEAN à Kuala Lumpur, le ministre chinois des Affaires étrangères Wang Yi a eu vendredi un entretien avec le secrétaire d'État américain Marco Rubio.", "fr");
  assert.deepEqual(fr.map((e) => e.actors.map((a) => a.country).sort().join("-")), ["CHN-USA"]);
});

test("an airspace violation named in a condemnation is what the accusation is about", () => {
  const evs = eventsOf("The Foreign Office condemned the strike the same night as an unprovoked violation of Pakistan's airspace by Afghanistan.");
  assert.ok(!evs.some((e) => e.type === "COERCE"), JSON.stringify(evs.map((e) => e.type)));
});

test("threats as a subject of talk are no threat made; the verb is", () => {
  const tr = eventsOf("Türkiye ve Kazakistan, terör tehditlerine karşı işbirliğini görüştü.", "tr");
  assert.ok(!tr.some((e) => e.type === "THREATEN"), JSON.stringify(tr.map((e) => e.type)));
  const made = eventsOf("İran, Türkiye'yi misilleme ile tehdit etti.", "tr");
  assert.ok(made.some((e) => e.type === "THREATEN"));
  const tg = eventsOf("Тоҷикистон ва Туркия ҷиҳати муқовимат бо таҳдидҳои муосир ҳамкориро муҳокима карданд.", "tg");
  assert.ok(!tg.some((e) => e.type === "THREATEN"), JSON.stringify(tg.map((e) => e.type)));
});

test("a place describing a noun is no side (Tahran'daki); an attack condemned before a final verb is what the condemnation is about", () => {
  const evs = eventsOf("Kazakistan, Tahran'daki Azerbaycan Büyükelçiliği'ne yönelik saldırıyı kınadı.", "tr");
  assert.ok(!evs.some((e) => e.actors.some((a) => a.country === "IRN")), JSON.stringify(evs.map((e) => [e.type, e.actors.map((a) => a.country)])));
  assert.ok(!evs.some((e) => e.type === "ASSAULT"), JSON.stringify(evs.map((e) => e.type)));
  assert.ok(evs.some((e) => e.type === "ACCUSE"));
});

test("one report's visit told by its arrival, a later day and its month is one trip, dated by the arrival", () => {
  const evs = eventsOf("Congolese President Denis Sassou Nguesso began a state visit to Côte d'Ivoire in May.\nHe arrived in Yamoussoukro on 6 May for the visit.\nOn 9 May, the last day of his visit, he toured the basilica.");
  const visits = evs.filter((e) => e.mode === "visit");
  assert.equal(visits.length, 1, JSON.stringify(visits.map((e) => e.date)));
  assert.equal(visits[0].date, "2024-05-06");
  // Two trips a month apart stay two.
  const two = eventsOf("Congolese President Denis Sassou Nguesso paid a visit to Côte d'Ivoire on 2 March.\nHe paid another visit to Côte d'Ivoire on 12 April.");
  assert.equal(two.filter((e) => e.mode === "visit").length, 2);
});

test("a stance or a diaspora names no state; a side named only in a relative clause did not clash", () => {
  const evs = eventsOf("Armenian President Vahagn Khachaturyan met French President Emmanuel Macron in Paris on Monday.\nA group of anti-Azerbaijan protesters clashed with some Azerbaijani-Americans, who had gathered outside the embassy to greet the Azerbaijani president.");
  assert.ok(!evs.some((e) => e.type === "ASSAULT" || e.type === "PROTEST"), JSON.stringify(evs.map((e) => [e.type, e.actors.map((a) => a.country)])));
  // A compound of two states' adjectives is the two of them ("Russian-Chinese talks").
  const talks = eventsOf("Russian-Chinese talks were held in Beijing on Monday.");
  assert.deepEqual(talks.map((e) => e.actors.map((a) => a.country).sort().join("-")), ["CHN-RUS"]);
});

test("'this meeting' is the meeting already told, even when the sentence names another country", () => {
  const en = eventsOf("Chinese Foreign Minister Wang Yi met US Secretary of State Marco Rubio in Kuala Lumpur on Friday.\nAgainst the background of the war in Ukraine, this meeting drew close attention.");
  assert.equal(en.filter((e) => e.type === "CONSULT").length, 1, en.map((e) => e.actors.map((a) => a.country).join("-")).join(" "));
  // Chinese, written without spaces, in both scripts.
  for (const text of ["中国外交部长王毅与美国国务卿鲁比奥11日在吉隆坡会面。在乌克兰战争的背景下,这次会晤受到高度关注。", "中國外交部長王毅與美國國務卿魯比歐11日在吉隆坡會面。在烏克蘭戰爭的背景下,這次會晤受到高度關注。"]) {
    const zh = eventsOf(text, "zh");
    assert.equal(zh.filter((e) => e.type === "CONSULT").length, 1, zh.map((e) => e.actors.map((a) => a.country).join("-")).join(" "));
  }
  // A relative clause ending in 的 between the demonstrative and the noun, naming the forum.
  const rel = eventsOf("俄罗斯外长拉夫罗夫与印度外长苏杰生8日在万象会面。这场于8日在东盟外长会议期间举行的会谈持续了一个小时。", "zh");
  assert.equal(rel.filter((e) => e.type === "CONSULT").length, 1, rel.map((e) => e.actors.map((a) => a.country).join("-")).join(" "));
  // Without the demonstrative, a meeting with someone else is a meeting of its own.
  const two = eventsOf("Chinese Foreign Minister Wang Yi met US Secretary of State Marco Rubio in Kuala Lumpur on Friday.\nWang Yi also met Ukrainian Foreign Minister Andrii Sybiha on Friday.");
  assert.equal(two.filter((e) => e.type === "CONSULT").length, 2);
});

test("an event noun after an indefinite article, with a conditional verb after it, is not reported as held", () => {
  const said = eventsOf("US Secretary of State Marco Rubio said he was confident that a meeting between President Donald Trump and President Xi Jinping would take place.");
  assert.ok(!said.some((e) => e.type === "CONSULT"), said.map((e) => e.type).join(","));
  const fr = eventsOf("Marco Rubio s'est dit confiant qu'une rencontre entre le président américain Donald Trump et son homologue chinois Xi Jinping aurait lieu.", "fr");
  assert.ok(!fr.some((e) => e.type === "CONSULT"), fr.map((e) => e.type).join(","));
  // A definite meeting, and a conditional in another clause, leave the meeting told.
  const held = eventsOf("US President Donald Trump held a meeting with Chinese President Xi Jinping in Busan on Thursday, and said a deal could follow.");
  assert.ok(held.some((e) => e.type === "CONSULT"));
});

test("'the meeting' opening a sentence that names only its setting is the meeting already told", () => {
  const evs = eventsOf("Indian Foreign Minister S. Jaishankar met Chinese Foreign Minister Wang Yi on Monday.\nThe meeting took place on the margins of the gathering of the foreign ministers of the Shanghai Cooperation Organisation in Tianjin.");
  const consult = evs.filter((e) => e.type === "CONSULT");
  assert.equal(consult.length, 1, consult.map((e) => e.actors.map((a) => a.country).join("-")).join(" "));
  assert.deepEqual(consult[0].actors.map((a) => a.country).sort(), ["CHN", "IND"]);
});

test("'it could be recalled that' recalls an event; it does not make it hypothetical", () => {
  const evs = eventsOf("It could be recalled that Vietnamese President Nguyen Xuan Phuc met Sierra Leone President Julius Maada Bio in New York in September 2021.");
  assert.ok(evs.some((e) => e.type === "CONSULT" && e.date === "2021-09"), JSON.stringify(evs.map((e) => [e.type, e.date])));
  // "could" on its own keeps its sense.
  const could = eventsOf("Vietnamese President Nguyen Xuan Phuc could meet Sierra Leone President Julius Maada Bio in New York in September.");
  assert.ok(!could.some((e) => e.type === "CONSULT"));
});

test("a list of counterparts with two persons of one organisation is a meeting with each", () => {
  const evs = eventsOf("Kazakh President Kassym-Jomart Tokayev held meetings with European Parliament President Roberta Metsola, European Commission President Ursula von der Leyen and Turkish President Recep Tayyip Erdogan on Friday.");
  const names = evs.filter((e) => e.type === "CONSULT").map((e) => e.actors.find((a) => a.country !== "KAZ")?.name).sort();
  assert.deepEqual(names, ["Recep Tayyip Erdoğan", "Roberta Metsola", "Ursula von der Leyen"]);
});

test("'informed Y of his talks with Z': the talks are the subject's with Z; Y is told of them", () => {
  const ru = eventsOf("Президент США Дональд Трамп проинформировал российского президента об итогах своих переговоров с Владимиром Зеленским.", "ru");
  const talks = ru.find((e) => e.type === "CONSULT");
  assert.deepEqual(talks?.actors.map((a) => a.country).sort(), ["UKR", "USA"]);
  const en = eventsOf("US President Donald Trump briefed the Russian president on his talks with Ukrainian President Volodymyr Zelensky.");
  assert.deepEqual(en.find((e) => e.type === "CONSULT")?.actors.map((a) => a.country).sort(), ["UKR", "USA"]);
  // Without the possessive, whoever is named before the noun may be a side.
  const joint = eventsOf("Russian President Vladimir Putin and Kazakh President Kassym-Jomart Tokayev held talks with Chinese President Xi Jinping.");
  assert.ok(joint.some((e) => e.type === "CONSULT" && e.actors.some((a) => a.country === "KAZ")));
});

test("'the leader of a country' is whoever leads it: the head the article names, else the president", () => {
  const named = eventsOf("Премьер-министр Индии Нарендра Моди прибыл в Москву в понедельник.\nВо вторник Владимир Путин принял индийского лидера в Кремле.", "ru");
  const meeting = named.find((e) => e.type === "CONSULT" && e.mode === "meeting");
  assert.equal(meeting?.actors.find((a) => a.country === "IND")?.name, "Narendra Modi");
  const unnamed = eventsOf("Лидер США провёл телефонный разговор с президентом России Владимиром Путиным.", "ru");
  assert.equal(unnamed.find((e) => e.type === "CONSULT")?.actors.find((a) => a.country === "USA")?.name, "Joe Biden");
});

test("in a language without articles, 'at the talks' opening a sentence is the talks already told", () => {
  const evs = eventsOf("Министр иностранных дел России Сергей Лавров провёл переговоры с министром иностранных дел Египта Самехом Шукри в Каире во вторник.\nНа переговорах с руководством Египта российский министр обсудил ситуацию в Сирии.", "ru");
  assert.equal(evs.filter((e) => e.type === "CONSULT").length, 1, evs.map((e) => e.actors.map((a) => a.country).join("-")).join(" "));
});

test("the joint envoy of two organisations is one person: one meeting, with the first named", () => {
  const evs = eventsOf("Russian Foreign Minister Sergey Lavrov met the joint special envoy of the UN and the Arab League Kofi Annan in Cairo on Saturday.");
  const consult = evs.filter((e) => e.type === "CONSULT");
  assert.equal(consult.length, 1, consult.map((e) => e.actors.map((a) => a.country).join("-")).join(" "));
  assert.deepEqual(consult[0].actors.map((a) => a.country).sort(), ["RUS", "UN"]);
  // Two organisations' heads, each with a title, are two counterparts.
  const two = eventsOf("Russian Foreign Minister Sergey Lavrov met UN Secretary-General Antonio Guterres and Arab League Secretary-General Ahmed Aboul Gheit in Cairo on Saturday.");
  assert.ok(two.some((e) => e.actors.some((a) => a.country === "ARAB_LEAGUE")), JSON.stringify(two.map((e) => e.actors.map((a) => a.country))));
});

test("a rejection told right after a protest is what the protest says, not a second act", () => {
  const es = eventsOf("Chile entregó al embajador de Venezuela una nota de protesta en rechazo a las declaraciones del gobierno venezolano.", "es");
  assert.deepEqual(es.map((e) => e.type), ["ACCUSE"]);
  // A rejection of a protest, told on its own, is one.
  const rejected = eventsOf("Venezuela rejected the Chilean protest, the ministry said.");
  assert.ok(rejected.some((e) => e.type === "REJECT"), JSON.stringify(rejected.map((e) => e.type)));
});

test("a batch of signed documents told again by its number is one signing", () => {
  const evs = eventsOf("President Alassane Ouattara of Côte d'Ivoire and President Denis Sassou Nguesso of the Republic of the Congo signed 13 cooperation agreements in Abidjan on Monday.\nAfter their talks, followed by the signing of 13 bilateral agreements, the two presidents spoke to the press.");
  assert.equal(evs.filter((e) => e.type === "AGREE" && e.mode === "sign").length, 1, JSON.stringify(evs.map((e) => [e.type, e.mode])));
  // Different documents told in different sentences stay two.
  const two = eventsOf("President Alassane Ouattara of Côte d'Ivoire and President Denis Sassou Nguesso of the Republic of the Congo signed 13 cooperation agreements in Abidjan on Monday.\nThe two presidents also signed a treaty on the border.");
  assert.equal(two.filter((e) => e.type === "AGREE" && e.mode === "sign").length, 2, JSON.stringify(two.map((e) => [e.type, e.mode])));
});

test("a meeting referred back to keeps its own sides", () => {
  const evs = eventsOf("US Secretary of State Marco Rubio met Chinese Foreign Minister Wang Yi in Kuala Lumpur on Friday.\nThe meeting took place on the sidelines of the ASEAN foreign ministers' meetings in Malaysia, where US tariffs dominated the discussions.");
  const consult = evs.filter((e) => e.type === "CONSULT");
  assert.deepEqual(consult.map((e) => e.actors.map((a) => a.country).sort().join("-")), ["CHN-USA"]);
});

test("'the new sanctions' told again by the sanctioned side's spokesman are the sanctions already told", () => {
  const evs = eventsOf("The United States imposed new sanctions on Iran on Wednesday.\nIranian Foreign Ministry spokesman Abbas Mousavi said the new sanctions were imposed out of Washington's usual delusions.");
  assert.equal(evs.filter((e) => e.type === "SANCTION").length, 1, JSON.stringify(evs.map((e) => [e.type, e.actors.map((a) => a.country)])));
  // Sanctions of another sanctioning side are new.
  const two = eventsOf("The United States imposed new sanctions on Iran on Wednesday.\nThe European Union imposed sanctions on Iran on Thursday.");
  assert.equal(two.filter((e) => e.type === "SANCTION").length, 2);
});

test("'the MoU signed by ...' after a signing told is that signing", () => {
  const evs = eventsOf("President Julius Maada Bio of Sierra Leone and President Nguyen Xuan Phuc of Vietnam witnessed the signing of a memorandum of understanding in Hanoi on Tuesday.\nThe MoU signed by the two agriculture ministers promotes investment.");
  assert.equal(evs.filter((e) => e.type === "AGREE" && e.mode === "sign").length, 1, JSON.stringify(evs.map((e) => [e.type, e.mode])));
  // A signing of another document told after it stays apart.
  const two = eventsOf("President Julius Maada Bio of Sierra Leone and President Nguyen Xuan Phuc of Vietnam witnessed the signing of a memorandum of understanding in Hanoi on Tuesday.\nThe two ministers also signed a treaty on fisheries.");
  assert.equal(two.filter((e) => e.type === "AGREE" && e.mode === "sign").length, 2);
});

test("talks in two cities are two meetings, even undated", () => {
  const evs = eventsOf("Russian Foreign Minister Sergey Lavrov held talks with Hungarian Foreign Minister Peter Szijjarto in Valletta.\nThe ministers had last held talks in Moscow.");
  assert.deepEqual(evs.filter((e) => e.type === "CONSULT" && e.mode === "meeting").map((e) => e.location?.city).sort(), ["Moscow", "Valletta"]);
  // The same talks told again in the same city are one.
  const one = eventsOf("Russian Foreign Minister Sergey Lavrov held talks with Hungarian Foreign Minister Peter Szijjarto in Valletta.\nThe talks in Valletta lasted two hours.");
  assert.equal(one.filter((e) => e.type === "CONSULT" && e.mode === "meeting").length, 1);
});

test("'during the talks' and 'au cœur des discussions' refer to the talks already told", () => {
  const fr = eventsOf("Le chef de la diplomatie américaine Marco Rubio a rencontré vendredi son homologue chinois Wang Yi.\nLa rencontre se tenait à Kuala Lumpur, en Malaisie, où les droits de douane étaient au cœur des discussions.", "fr");
  assert.equal(fr.filter((e) => e.type === "CONSULT").length, 1, JSON.stringify(fr.map((e) => e.actors.map((a) => a.country))));
  const en = eventsOf("Indian Prime Minister Narendra Modi met Russian President Vladimir Putin in Moscow on Tuesday.\nDuring the talks in Moscow, trade in national currencies was the main subject.");
  assert.equal(en.filter((e) => e.type === "CONSULT").length, 1, JSON.stringify(en.map((e) => e.actors.map((a) => a.country))));
});

test("a signing or visit named by its anniversary is commemorated, not reported", () => {
  const en = eventsOf("Chinese Foreign Minister Wang Yi met Sri Lankan Foreign Minister Ali Sabry in Beijing on Monday.\nThis year marks the 70th anniversary of the signing of the Rubber-Rice Pact between China and Sri Lanka.");
  assert.ok(!en.some((e) => e.type === "AGREE"), JSON.stringify(en.map((e) => e.type)));
  const zh = eventsOf("中国外交部长王毅会见斯里兰卡外长萨布里。今年是两国建交65周年和《米胶协定》签署70周年。", "zh");
  assert.ok(!zh.some((e) => e.type === "AGREE"), JSON.stringify(zh.map((e) => e.type)));
  // A signing told as such stays.
  const signed = eventsOf("China and Sri Lanka signed a trade agreement in Beijing on Monday.");
  assert.ok(signed.some((e) => e.type === "AGREE"));
});

test("street protest told inside what someone says names its own sides or is no event", () => {
  const evs = eventsOf("Iranian Foreign Minister Abbas Araghchi accused the United States and Israel of fuelling unrest, arguing that demonstrations began peacefully before turning violent.");
  assert.ok(!evs.some((e) => e.type === "PROTEST"), JSON.stringify(evs.map((e) => [e.type, e.actors.map((a) => a.country)])));
  assert.ok(evs.some((e) => e.type === "ACCUSE"));
  // Protesters of a country before an embassy, told as such, are a protest.
  const told = eventsOf("Hundreds of Iranian protesters demonstrated outside the British embassy in Tehran on Friday.");
  assert.ok(told.some((e) => e.type === "PROTEST"), JSON.stringify(told.map((e) => e.type)));
});

test("a meeting with an envoy at which a protest is handed over is the summons", () => {
  const evs = eventsOf("Chilean Foreign Minister Roberto Ampuero met the Venezuelan ambassador in Santiago on Monday and handed him a note of protest over the arrests.");
  assert.ok(!evs.some((e) => e.type === "CONSULT"), JSON.stringify(evs.map((e) => e.type)));
  assert.ok(evs.some((e) => e.type === "ACCUSE"), JSON.stringify(evs.map((e) => e.type)));
  // A meeting with an envoy and no protest is a meeting.
  const met = eventsOf("Chilean Foreign Minister Roberto Ampuero met the Venezuelan ambassador in Santiago on Monday to discuss trade.");
  assert.ok(met.some((e) => e.type === "CONSULT"));
});

test("'the Presidents of the two countries' are each country's president on the date", () => {
  const evs = eventsOf("Kazakh President Kassym-Jomart Tokayev arrived in Samarkand, Uzbekistan, on Tuesday.\nThe Presidents of the two countries praised the growth of trade between Kazakhstan and Uzbekistan.");
  const support = evs.find((e) => e.type === "SUPPORT") ?? evs.find((e) => e.actors.some((a) => a.country === "UZB"));
  assert.equal(support?.actors.find((a) => a.country === "UZB")?.name, "Shavkat Mirziyoyev", JSON.stringify(evs.map((e) => [e.type, e.actors])));
});
