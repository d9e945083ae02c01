// Leftover cue phrases of news pages dumped to text, in every language Parley reads.
// Matched case-insensitively at the start of a trimmed line.

/** A line starting with one of these opens a block of other headlines ("Read also"). */
export const RELATED_CUES = [
  "read also", "read more", "also read", "see also", "related articles", "related news", "related stories", "related",
  "more news", "latest news", "more on this", "you may also like", "recommended", "other news", "most read",
  "читайте также", "читайте еще", "читайте ещё", "смотрите также", "по теме", "похожие новости", "другие новости",
  "последние новости", "новости по теме", "материалы по теме", "читайте також", "дивіться також", "інші новини",
  "мавзӯъҳои марбут", "хабарҳои дигар", "ахбори дигар", "инчунин хонед", "хабарҳои марбут",
  "اقرأ أيضا", "اقرأ أيضًا", "اقرأ ايضا", "إقرأ أيضا", "أخبار ذات صلة", "اخبار ذات صلة", "مواضيع ذات صلة",
  "مقالات ذات صلة", "المزيد من الأخبار", "مطالب مرتبط", "اخبار مرتبط", "بیشتر بخوانید", "بخوانید", "مطالب پیشنهادی",
  "ilgili haberler", "ilginizi çekebilir", "diğer haberler", "bunlar da ilginizi çekebilir",
  "lire aussi", "à lire aussi", "voir aussi", "sur le même sujet", "lesen sie auch", "mehr zum thema", "auch interessant",
  "lea también", "le puede interesar", "noticias relacionadas", "también te puede interesar",
  "相关新闻", "相关阅读", "延伸阅读", "推荐阅读",
  "shuningdek o'qing", "shuningdek oʻqing", "shuningdek o‘qing", "shuningdek, o'qing", "boshqa yangiliklar",
  "сондай-ақ оқыңыз", "басқа жаңалықтар", "тагы окуңуз", "башка жаңылыктар",
];

/** A line starting with one of these is page furniture, dropped wherever it stands. */
export const JUNK_CUES = [
  // share prompts
  "share", "поделиться", "подписывайтесь", "подпишитесь", "мубодила", "شارك", "مشاركة", "طباعة", "اشتراک",
  "paylaş", "partager", "teilen", "compartir", "分享", "ulashish", "бөлісу", "print", "печать", "email",
  // counters and codes
  "views", "просмотров", "просмотры", "шумораи хонандагон", "переглядів", "مشاهدات", "عدد المشاهدات", "بازدید",
  "کد خبر", "görüntülenme", "vues", "aufrufe", "visitas", "浏览", "ko'rishlar", "қаралым", "көрүүлөр",
  // photo / video captions
  "photo:", "photo :", "фото:", "фото :", "видео:", "video:", "عکس:", "صور:", "صورة:", "акс:", "сурат:", "fotoğraf:",
  "图片", "фото ", "photo ", "foto:",
  // tags
  "tags", "теги", "тэги", "برچسب", "الكلمات المفتاحية", "وسوم", "etiketler", "mots-clés", "schlagwörter",
  "etiquetas", "标签", "teglar", "тегтер",
  // copyright / legal
  "©", "(c)", "all rights reserved", "все права защищены", "при использовании", "ҳамаи ҳуқуқҳо", "جميع الحقوق",
  "جميع حقوق", "کلیه حقوق", "tüm hakları", "tous droits", "alle rechte", "todos los derechos", "版权所有",
  "barcha huquqlar", "барлық құқықтар", "лینک کوتاه", "لینک کوتاه",
  // bylines and stamps
  "by ", "updated:", "published:", "publié le", "modifié le", "mis à jour", "aktualisiert", "güncelleme", "обновлено",
  "опубликовано", "来源", "source:", "источник:", "منبع:", "المصدر:",
  // prompts to read the article elsewhere
  "read on", "read the full", "read full article", "читать на сайте", "читать в источнике", "читать полностью",
  "lire sur", "leer en", "weiterlesen",
];

/** Whole-line furniture words (menus, section names, language switches). */
export const MENU_WORDS = [
  "home", "главная", "асосӣ", "الرئيسية", "صفحه نخست", "anasayfa", "accueil", "startseite", "inicio", "首页", "bosh sahifa",
  "басты бет", "english", "русский", "тоҷикӣ", "عربی", "عربي", "o'zbekcha", "қазақша", "кыргызча", "türkçe",
];

/**
 * Words that introduce (before) or follow (after) the name of the agency a report cites as its
 * source: "according to IRNA", "передает ТАСС", "Xinhua reported".
 */
export const REPORTING_CUES = {
  before: [
    "according to", "reported by", "told", "quoted by", "cited by", "reports", "reported", "said in a statement to",
    "передает", "передаёт", "сообщает", "сообщил", "сообщило", "сообщили", "по данным", "по информации", "пишет", "со ссылкой на",
    "передає", "повідомляє", "повідомило", "за даними", "хабар медиҳад", "иттилоъ медиҳад", "ба гузориши", "ба иттилои",
    "به گزارش", "به نقل از", "نقلا عن", "حسب", "وفقا ل", "ذكرت", "أفادت", "ذكرت وكالة", "أفادت وكالة", "وكالة",
    "xabar beradi", "ma'lum qiladi", "хабарлайды", "хабарлады", "мәлімдеді", "кабарлайт",
    "göre", "ajansına göre", "selon", "a rapporté", "rapporte", "según", "informó", "informa", "berichtet", "meldet", "zufolge", "据", "报道",
  ],
  after: [
    "reported", "reports", "said", "quoted", "cited", "сообщает", "сообщил", "сообщило", "передает", "передаёт", "пишет",
    "повідомляє", "хабар медиҳад", "хабарлайды", "хабарлады", "xabar beradi", "habere göre", "muhabiri", "a rapporté", "informó", "berichtet", "报道", "讯", "电",
  ],
};
