// Month and weekday name tables for the dates stage.
//
// Gregorian month and weekday names come from ICU (Intl.DateTimeFormat) at load time, in format
// (genitive) and standalone (nominative) forms; the lists below add what ICU lacks or spells
// differently (Levantine/Maghreb Arabic months, Tajik/Uzbek/Kazakh forms, abbreviations,
// inflected forms ICU never prints). Everything is stored folded (see foldForDates).

/** Locales whose month/weekday names are read from ICU. */
export const ICU_LOCALES = [
  "en", "ru", "uk", "ar", "tg", "fa-u-ca-gregory", "uz", "uz-Cyrl", "kk", "ky", "tr", "fr", "de", "es",
  "zh", "hu", "az", "tk",
];

/** Languages that inflect month/weekday words by suffixes (ru сентябре, tr Eylül'de, uz sentabrda). */
export const INFLECTING_LOCALES = new Set(["ru", "uk", "tg", "uz", "uz-Cyrl", "kk", "ky", "tr", "hu", "az", "tk"]);

/** Gregorian month names ICU does not give, by month number (1-12). */
export const EXTRA_MONTHS: Record<number, { exact: string[]; inflect: string[] }> = {
  1: { exact: ["янв", "jan", "janv", "كانون الثاني", "جانفي", "ژانویه", "ينار"], inflect: ["январ", "yanvar", "қаңтар", "ocak", "январе"] },
  2: { exact: ["фев", "feb", "févr", "fevr", "شباط", "فيفري", "فوریه"], inflect: ["феврал", "fevral", "ақпан", "şubat", "феврале"] },
  3: { exact: ["мар", "mar", "آذار", "مارس", "märz", "marz"], inflect: ["март", "mart", "наурыз", "марте"] },
  4: { exact: ["апр", "apr", "avr", "نيسان", "أبريل", "إبريل", "ابريل", "أفريل", "افريل", "آوریل"], inflect: ["апрел", "aprel", "сәуір", "nisan", "апреле"] },
  5: { exact: ["أيار", "ايار", "ماي", "مه", "می"], inflect: ["май", "мае", "мая", "may", "мамыр", "mayıs", "травн"] },
  6: { exact: ["июн", "jun", "juin", "حزيران", "يونيه", "جوان", "ژوئن"], inflect: ["июн", "iyun", "маусым", "haziran", "июне"] },
  7: { exact: ["июл", "jul", "juil", "تموز", "يوليه", "جويلية", "ژوئیه", "جولای"], inflect: ["июл", "iyul", "шілде", "temmuz", "июле", "липн"] },
  8: { exact: ["авг", "aug", "août", "aout", "آب", "أوت", "اوت", "آگوست"], inflect: ["август", "avgust", "тамыз", "ağustos", "августе", "серпн"] },
  9: { exact: ["сен", "сент", "sep", "sept", "أيلول", "ايلول", "سپتامبر"], inflect: ["сентябр", "sentabr", "sentyabr", "қыркүйек", "eylül", "сентябре", "вересн"] },
  10: { exact: ["окт", "oct", "تشرين الأول", "تشرين الاول", "اکتبر", "أكتوبر"], inflect: ["октябр", "oktabr", "oktyabr", "қазан", "ekim", "октябре", "жовтн"] },
  11: { exact: ["ноя", "nov", "تشرين الثاني", "نوامبر"], inflect: ["ноябр", "noyabr", "қараша", "kasım", "ноябре", "листопад"] },
  12: { exact: ["дек", "dec", "déc", "dez", "كانون الأول", "كانون الاول", "دسامبر"], inflect: ["декабр", "dekabr", "желтоқсан", "aralık", "декабре", "грудн"] },
};

/** Solar Hijri (Jalali) month names, Persian and Tajik spellings. */
export const JALALI_MONTHS: string[][] = [
  ["فروردین", "فروردين", "фарвардин"],
  ["اردیبهشت", "ارديبهشت", "урдибиҳишт"],
  ["خرداد", "хурдод"],
  ["تیر", "تير"],
  ["مرداد", "امرداد", "мурдод"],
  ["شهریور", "شهريور", "шаҳривар"],
  ["مهر", "меҳр"],
  ["آبان", "обон"],
  ["آذر", "озар"],
  ["دی", "دي"],
  ["بهمن", "баҳман"],
  ["اسفند", "исфанд"],
];

/** Lunar Hijri month names (Arabic; several spellings each). */
export const HIJRI_MONTHS: string[][] = [
  ["محرم", "المحرم"],
  ["صفر"],
  ["ربيع الأول", "ربيع الاول", "ربيع أول"],
  ["ربيع الآخر", "ربيع الثاني", "ربيع الاخر", "ربيع ثاني"],
  ["جمادى الأولى", "جمادى الاولى", "جمادى الأول", "جمادي الأولى", "جمادي الاولى"],
  ["جمادى الآخرة", "جمادى الثانية", "جمادى الاخرة", "جمادي الآخرة", "جمادي الثانية"],
  ["رجب"],
  ["شعبان"],
  ["رمضان"],
  ["شوال"],
  ["ذو القعدة", "ذي القعدة", "ذوالقعدة"],
  ["ذو الحجة", "ذي الحجة", "ذوالحجة"],
];

/** Weekday names ICU lacks or inflected forms, by JS day number (0 = Sunday). */
export const EXTRA_WEEKDAYS: Record<number, { exact: string[]; inflect: string[] }> = {
  0: { exact: ["周日", "星期天", "週日", "الأحد", "الاحد", "یکشنبه", "یک‌شنبه", "sonnabend"], inflect: ["воскресень", "якшанбе", "yakshanba", "жексенбі", "жекшемби", "pazar", "неділ"] },
  1: { exact: ["周一", "週一", "الاثنين", "الإثنين", "دوشنبه"], inflect: ["понедельник", "душанбе", "dushanba", "дүйсенбі", "дүйшөмбү", "pazartesi", "понеділ"] },
  2: { exact: ["周二", "週二", "الثلاثاء", "سه‌شنبه", "سه شنبه", "سهشنبه"], inflect: ["вторник", "сешанбе", "seshanba", "сейсенбі", "шейшемби", "salı", "вівтор"] },
  3: { exact: ["周三", "週三", "الأربعاء", "الاربعاء", "چهارشنبه", "چهار‌شنبه"], inflect: ["среду", "среда", "среды", "чоршанбе", "chorshanba", "сәрсенбі", "шаршемби", "çarşamba", "серед"] },
  4: { exact: ["周四", "週四", "الخميس", "پنجشنبه", "پنج‌شنبه", "پنج شنبه"], inflect: ["четверг", "панҷшанбе", "payshanba", "бейсенбі", "бейшемби", "perşembe", "четвер"] },
  5: { exact: ["周五", "週五", "الجمعة", "جمعه"], inflect: ["пятниц", "ҷумъа", "juma", "жұма", "жума", "cuma", "пʼятниц", "п'ятниц"] },
  6: { exact: ["周六", "週六", "السبت", "شنبه"], inflect: ["суббот", "шанбе", "shanba", "сенбі", "ишемби", "cumartesi", "субот"] },
};

/** Relative day words: offset in days from the reference date. */
export const RELATIVE_DAYS: Array<{ offset: number; words: string[] }> = [
  {
    offset: 0,
    words: ["today", "сегодня", "сьогодні", "имрӯз", "бүгін", "бүгүн", "bugun", "бугун", "bugün", "aujourd'hui",
      "heute", "hoy", "今天", "今日", "اليوم", "امروز", "bu gün", "ce jour"],
  },
  {
    offset: -1,
    words: ["yesterday", "вчера", "вчора", "дирӯз", "кеше", "кечээ", "kecha", "кеча", "dün", "hier", "gestern",
      "ayer", "昨天", "昨日", "أمس", "امس", "بالأمس", "بالامس", "وأمس", "دیروز", "tegnap"],
  },
  {
    offset: -2,
    words: ["the day before yesterday", "day before yesterday", "позавчера", "позавчора", "avant-hier", "vorgestern",
      "anteayer", "前天", "أول أمس", "أول من أمس", "اول امس", "پریروز", "dünden önceki gün", "evvelsi gün", "tegnapelőtt"],
  },
  {
    offset: 1,
    words: ["tomorrow", "завтра", "пагоҳ", "фардо", "ертең", "эртең", "ertaga", "эртага", "yarın", "demain",
      "mañana", "明天", "غدا", "غداً", "فردا", "holnap"],
  },
];

/** Words/phrases marking "last" before a weekday ("last Thursday", "geçen perşembe"). */
export const LAST_BEFORE = ["last", "past", "this past", "прошлый", "прошлую", "прошлое", "прошлой", "минулого", "минулої",
  "минулий", "минулу", "geçen", "letzten", "vergangenen", "o'tgan", "ўтган", "өткен", "өткөн", "上", "上个"];
/** Words marking "last" after a weekday ("jeudi dernier", "الخميس الماضي"). */
export const LAST_AFTER = ["dernier", "passé", "pasado", "الماضي", "الماضى", "گذشته", "гузашта"];

/** "last year" phrases (the previous calendar year of the reference date). */
export const LAST_YEAR = ["last year", "the previous year", "в прошлом году", "прошлого года", "в минулому році",
  "минулого року", "торік", "geçen yıl", "geçen yılın", "geçtiğimiz yıl", "l'année dernière", "l'an dernier",
  "l'année passée", "de l'année dernière", "letztes jahr", "im vergangenen jahr", "vergangenen jahres", "letzten jahres",
  "im letzten jahr", "el año pasado", "del año pasado", "العام الماضي", "السنة الماضية", "العام الماضى", "سال گذشته",
  "سال قبل", "پارسال", "o'tgan yil", "o'tgan yili", "o'tgan yilning", "ўтган йил", "ўтган йили", "былтыр",
  "соли гузашта", "соли гузаштаи", "өткен жылы", "өткен жылғы", "өткен жыл", "өткөн жылы", "去年", "tavaly", "tavalyi", "az előző évben"];

/** "this year" phrases. */
export const THIS_YEAR = ["this year", "в этом году", "этого года", "текущего года", "цього року", "поточного року",
  "bu yıl", "bu yılın", "cette année", "dieses jahr", "in diesem jahr", "dieses jahres", "este año", "de este año",
  "joriy yil", "joriy yilning", "joriy yilda", "shu yil", "жорий йил", "жорий йилнинг", "امسال", "هذا العام",
  "العام الجاري", "هذه السنة", "今年", "биыл", "быйыл", "имсол", "соли ҷорӣ", "соли равон", "ағымдағы жыл",
  "ағымдағы жылғы", "الجاري", "idén", "ebben az évben", "az idei"];

/** "earlier this month" style phrases: the reference month. */
export const THIS_MONTH = ["earlier this month", "this month", "в этом месяце", "в начале месяца", "ce mois-ci",
  "plus tôt ce mois-ci", "este mes", "diesen monat", "anfang des monats", "bu ay", "هذا الشهر", "الشهر الجاري",
  "این ماه", "本月", "жорий ой", "joriy oy", "shu oy", "ағымдағы айда", "моҳи ҷорӣ"];

/** Words before a bare four-digit year that mark it as a year ("in 2001", "в 2001 году"). */
export const YEAR_BEFORE = ["in", "since", "until", "by", "from", "in early", "in late", "in mid", "early", "late",
  "в", "с", "до", "к", "у", "з", "en", "depuis", "dès", "jusqu'en", "im jahr", "seit", "bis", "im", "en el año",
  "desde", "hasta", "عام", "العام", "سنة", "لعام", "منذ", "سال", "در سال", "از سال", "تا سال", "соли", "дар соли",
  "аз соли", "то соли"];
/** Words after a bare four-digit year that mark it as a year ("2001 yılında", "2001-yil", "2001年"). */
export const YEAR_AFTER = ["году", "года", "год", "г.", "гг.", "році", "року", "рік", "yılında", "yılı", "yılının",
  "yılından", "yil", "yilda", "yili", "yilning", "yildan", "йил", "йилда", "йили", "йилнинг", "жыл", "жылы",
  "жылғы", "жылдан", "жылдын", "жылдары", "年", "م", "сол", "соли", "сола"];
