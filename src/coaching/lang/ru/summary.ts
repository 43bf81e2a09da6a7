/** Russian word lists of the rules summary, as regular-expression alternations. */

/** Month names in the genitive ("15 марта"). */
export const MONTHS_GENITIVE =
  "января|февраля|марта|апреля|мая|июня|июля|августа|сентября|октября|ноября|декабря";

/** Weekday names as said after "в"/"до" (accusative and genitive). */
export const WEEKDAYS =
  "понедельник|вторник|среду|четверг|пятницу|субботу|воскресенье|понедельника|вторника|среды|четверга|пятницы";
