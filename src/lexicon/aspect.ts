// Verb forms a trigger token also stands for, by rule: Russian perfective past tenses and their
// imperfective partners (вызвал/вызывал, направил/направлял, приехал/приезжал), Turkish past
// tenses and their relative forms (görüştü/görüştüğü/görüştükleri). Tokens are folded (ё→е, й→и,
// ğ→g, ı→i, ü→u, ş→s, ç→c); the forms returned keep the first two letters of the token, so a
// phrase is still found from the first letters of its words.

/** Russian stem changes of the imperfective, applied to a past-tense stem without its л. */
const RU_RULES: [RegExp, string[]][] = [
  [/озва$/, ["зыва"]], // отозвал -> отзывал
  [/([зс])ва$/, ["$1ыва"]], // вызвал -> вызывал, созвал -> созывал
  [/(д|зна|ста)ва$/, []], // already imperfective (передавал, признавал)
  [/(д|зн|ст)а$/, ["$1ава"]], // передал -> передавал, признал -> признавал
  [/еха$/, ["езжа"]], // приехал -> приезжал
  [/бра$/, ["бира"]], // собрал -> собирал
  [/сла$/, ["сыла"]], // послал -> посылал
  [/ня$/, ["нима"]], // принял -> принимал
  [/бы$/, ["быва"]], // прибыл -> прибывал
  [/ве$/, ["води"]], // провел -> проводил
  [/ше$/, ["ходи"]], // пришел -> приходил
  [/([бвмпф])и$/, ["$1ля"]], // направил -> направлял, объявил -> объявлял
  [/зди$/, ["зжа"]], // (съездил)
  [/сти$/, ["ща"]], // упростил -> упрощал
  [/ди$/, ["жда", "жа"]], // осудил -> осуждал, обсудил -> обсуждал
  [/ти$/, ["ща", "ча"]], // посетил -> посещал, встретил -> встречал
  [/зи$/, ["жа"]], // выразил -> выражал
  [/си$/, ["ша"]], // пригласил -> приглашал
  [/([жчшщ])и$/, ["$1а"]], // заключил -> заключал, вручил -> вручал
  [/([нлр])и$/, ["$1я"]], // выполнил -> выполнял, проверил -> проверял
  [/([жчшщкгх])а$/, ["$1ива"]], // поддержал -> поддерживал
  [/([бвдзлмнпрстф])а$/, ["$1ыва"]], // подписал -> подписывал, показал -> показывал
];

/** Imperfective forms of a folded Russian perfective past-tense token (вызвал*, направили). */
export function russianImperfective(token: string): string[] {
  const m = /^(.{3,}?)(л|ла|ло|ли)$/u.exec(token);
  if (!m || /ова$|ива$|ыва$|ева$/u.test(m[1])) return [];
  const [, stem, ending] = m;
  for (const [re, outs] of RU_RULES) {
    if (!re.test(stem)) continue;
    return outs.map((o) => stem.replace(re, o) + ending).filter((x) => x !== token && x.slice(0, 2) === token.slice(0, 2));
  }
  return [];
}

/**
 * Relative forms of a folded Turkish past-tense token (görüştü -> görüştüğ*, görüştük*: görüştüğü,
 * görüştükleri, görüştüğümüz; istedi -> istediğimiz), with a trailing "*" (open prefixes).
 */
export function turkishParticiples(token: string): string[] {
  const m = /^(.{2,}?)([dt])([iu])$/u.exec(token);
  if (!m) return [];
  const [, stem, d, v] = m;
  const out = [`${stem}${d}${v}g*`, `${stem}${d}${v}k*`];
  // The present participle (görüşen, görüşülen) is not added: it mostly opens a relative clause
  // about someone already met ("görüşülen büyükelçi"), not a new event; lexicons list it where
  // it is one.
  return out.filter((x) => x.slice(0, 2) === token.slice(0, 2));
}
