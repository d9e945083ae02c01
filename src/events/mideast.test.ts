// Persian, Arabic and Turkish phrasing of meetings, visits and their re-mentions, on sentences the
// team wrote: a visit told by its welcome and by its arrival, countries that are only what the
// talks were about, "during the meeting", a meeting held to take part in a gathering of an
// organisation, Turkish relative clauses before the noun, and two persons met on one trip.
import assert from "node:assert/strict";
import { test } from "node:test";
import { extractText } from "../pipeline/index.js";
import type { EventRecord } from "../types.js";

function eventsOf(text: string): EventRecord[] {
  return extractText({ name: "mideast", origin: "mideast", text, encoding: "UTF-8" }, { fallbackDate: "2024-05-15" }).events.filter((e) => !e.status);
}

const countries = (e: EventRecord) => [...new Set(e.actors.map((a) => a.country))].sort().join("-");
const show = (evs: EventRecord[]) => evs.map((e) => `${e.type}/${e.mode ?? "-"} ${countries(e)} [${e.trigger.text}]`).join(" | ") || "nothing";

test("a visit told by its welcome and by the arrival the night before is one visit, whoever hosts each", () => {
  const evs = eventsOf("استقبل الرئيس المصري عبد الفتاح السيسي اليوم وزير الخارجية الأردني أيمن الصفدي في قصر الاتحادية، في إطار زيارة رسمية إلى مصر.\nوكان وزير الخارجية الأردني قد وصل إلى القاهرة مساء أمس، حيث عقد مباحثات مع نظيره المصري سامح شكري.");
  const visits = evs.filter((e) => e.mode === "visit");
  assert.equal(visits.length, 1, show(evs));
  assert.equal(visits[0].date, "2024-05-14", "dated by the arrival");
  // Two meetings on the trip, one with each host, stay two.
  assert.equal(evs.filter((e) => e.mode === "meeting").length, 2, show(evs));
});

test("countries of 'the tensions between' with a modifier between are what the talks were about", () => {
  const evs = eventsOf("وزیران خارجه ترکیه و عراق روز دوشنبه تلفنی گفتگو کردند.\nتنش‌های فزاینده میان روسیه و اوکراین از محورهای اصلی این رایزنی بود.");
  assert.ok(!evs.some((e) => countries(e) === "RUS-UKR"), show(evs));
  assert.equal(evs.length, 1, show(evs));
});

test("'during the meeting' naming one of the ministers received is the meeting already told", () => {
  const evs = eventsOf("استقبل وزير الخارجية العماني بدر البوسعيدي اليوم في مسقط كلا من وزير الخارجية الأردني أيمن الصفدي ووزير الخارجية العراقي فؤاد حسين.\nوأكد البوسعيدي خلال اللقاء على أهمية التنسيق مع العراق.");
  assert.equal(evs.length, 1, show(evs));
  assert.equal(countries(evs[0]), "IRQ-JOR-OMN");
  // Without "during" and the article, a meeting named later is a meeting of its own.
  const two = eventsOf("استقبل وزير الخارجية العماني بدر البوسعيدي اليوم في مسقط كلا من وزير الخارجية الأردني أيمن الصفدي ووزير الخارجية العراقي فؤاد حسين.\nوعقد البوسعيدي في المساء لقاء ثنائيا مع وزير الخارجية العراقي.");
  assert.equal(two.length, 2, show(two));
});

test("a visitor who met the president 'in addition to' the foreign minister held two meetings", () => {
  const evs = eventsOf("زار وزير الخارجية الأردني أيمن الصفدي دمشق أمس، حيث التقى الرئيس السوري بشار الأسد، بالإضافة إلى وزير الخارجية السوري فيصل المقداد.");
  const met = evs.filter((e) => e.mode === "meeting").map((e) => e.actors.find((a) => a.country === "SYR")?.name).sort();
  assert.deepEqual(met, ["Bashar al-Assad", "Faisal Mekdad"], show(evs));
  // Two persons of one country before the verb met the guest together: one meeting.
  const one = eventsOf("التقى الرئيس السوري بشار الأسد ووزير الخارجية السوري فيصل المقداد أمس في دمشق وزير الخارجية الأردني أيمن الصفدي.");
  assert.equal(one.filter((e) => e.mode === "meeting").length, 1, show(one));
});

test("a Turkish visit told by a relative clause before the noun goes to the dative country, whoever else the sentence names", () => {
  const [visit] = eventsOf("Türkiye Dışişleri Bakanı Hakan Fidan, İran Büyükelçisi ile görüşmesinde Cumhurbaşkanı Erdoğan'ın geçen hafta Katar'a gerçekleştirdiği ziyareti anlattı.").filter((e) => e.mode === "visit");
  assert.equal(visit && countries(visit), "QAT-TUR");
  assert.equal(visit.actors[0].country, "TUR", "the visitor first");
  const [other] = eventsOf("Dışişleri Bakanı Hakan Fidan'ın dün Mısır'a yaptığı ziyaret olumlu sonuçlar verdi.").filter((e) => e.mode === "visit");
  assert.equal(other && countries(other), "EGY-TUR");
});

test("'asked that ... immediately' is a demand in Turkish", () => {
  const evs = eventsOf("Türkiye Dışişleri Bakanlığı, Suriye Büyükelçisi'nden sınırdaki kampların derhal kapatılmasını istedi.");
  assert.ok(evs.some((e) => e.type === "REQUEST" && countries(e) === "SYR-TUR"), show(evs));
  // Wanting something, without a demand on anyone, is no request.
  assert.ok(!eventsOf("Türkiye Dışişleri Bakanı, Suriye ile ilişkileri geliştirmek istediklerini söyledi.").some((e) => e.type === "REQUEST"));
});

test("a meeting of an organisation someone travelled to take part in is its gathering, besides the talks on its sidelines", () => {
  const evs = eventsOf("وزیر امور خارجه ترکیه که برای شرکت در نشست فوق‌العاده سازمان همکاری اسلامی به جده سفر کرده است، در حاشیه این نشست با وزیر خارجه عراق دیدار کرد.");
  const summit = evs.find((e) => e.mode === "multilateral");
  assert.equal(summit && countries(summit), "IRQ-OIC-TUR", show(evs));
  assert.ok(evs.some((e) => e.mode === "meeting" && countries(e) === "IRQ-TUR"), show(evs));
  assert.ok(!evs.some((e) => e.mode === "visit"), "travelling to the gathering is no visit: " + show(evs));
  // A meeting "with" an organisation's head is a meeting with it.
  const talks = eventsOf("وزیر امور خارجه ترکیه برای شرکت در نشست با وزیر خارجه عراق و دبیرکل سازمان همکاری اسلامی به جده رفت.");
  assert.ok(!talks.some((e) => e.mode === "multilateral"), show(talks));
});

test("aid handed over that 'further batches will follow' is a pledge besides the delivery", () => {
  const evs = eventsOf("سلم السفير القطري في عمّان اليوم وزارة الصحة الأردنية شحنة مساعدات طبية مقدمة من دولة قطر إلى الأردن، ستتبعها دفعات أخرى خلال الأسابيع المقبلة.");
  assert.ok(evs.some((e) => e.type === "AID" && countries(e) === "JOR-QAT"), show(evs));
  assert.ok(evs.some((e) => e.type === "AGREE" && countries(e) === "JOR-QAT"), show(evs));
});
