package io.learnloop.knowledge.answer;

import java.util.regex.Pattern;

/**
 * What kind of thing a question asks for, in English or Bahasa Indonesia, and whether a sentence
 * holds one: the sentence that answers "how much" holds an amount, the one that answers "who" names
 * a person or role.
 */
enum AnswerType {
  /** when, what time, by what day: a date, day, time or duration. */
  TIME(
      "\\b(when|what time|what day|which day|what date|by when|deadline|due date|kapan|jam berapa"
          + "|hari apa|tanggal berapa|paling lambat)\\b",
      "\\d|\\b(monday|tuesday|wednesday|thursday|friday|saturday|sunday|senin|selasa|rabu|kamis"
          + "|jumat|sabtu|minggu|january|february|march|april|may|june|july|august|september"
          + "|october|november|december|januari|februari|maret|mei|juni|juli|agustus|oktober"
          + "|desember|daily|weekly|monthly|annually|immediately|end of|noon|midnight)\\b"),
  /** how much, how many, how long, the limit: an amount or number. */
  QUANTITY(
      "\\b(how (many|much|long|often|far|soon|quickly|big)|what('s| is)? the (max|maximum|minimum"
          + "|limit|rate|cost|price|amount|percentage|fee)|berapa|max|maximum|minimum|limit"
          + "|batas|what percentage|what rate|persen)\\b",
      "\\d|\\b(one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty"
          + "|thirty|forty|fifty|sixty|hundred|half|once|twice|satu|dua|tiga|empat|lima|enam"
          + "|tujuh|delapan|sembilan|sepuluh|setengah)\\b"),
  /** who: a person, role or team. */
  PERSON(
      "\\b(who|whom|whose|which team|siapa)\\b",
      "\\b(manager|head|director|officer|supervisor|lead|team|specialist|coordinator|cfo|ceo|vp"
          + "|owner|commander|engineer|admin|administrator|desk|staff|department|hr|people|finance"
          + "|legal|security|atasan|kepala|direktur|tim|manajer|pemilik|bagian|divisi)\\b|@"),
  /** where, which tool or channel: a place, tool, channel, form or address. */
  PLACE(
      "\\b(where|which (app|tool|channel|system|portal|form|site|website|page)|what (app|tool"
          + "|channel|system|portal|form)|di ?mana|ke ?mana|lewat apa|pakai apa)\\b",
      "#\\w|@|https?://|www\\.|\\.(gov|com|org|example)\\b|\\b(portal|app|channel|office|floor"
          + "|room|form|tool|website|site|page|menu|tab|kanal|kantor|lantai|aplikasi|formulir)\\b"),
  /** anything else: no particular kind of sentence is needed. */
  OTHER("(?!)", "(?!)");

  private final Pattern question;
  private final Pattern holder;

  AnswerType(String question, String holder) {
    this.question = Pattern.compile(question, Pattern.CASE_INSENSITIVE);
    this.holder = Pattern.compile(holder, Pattern.CASE_INSENSITIVE);
  }

  /** The first type whose question words appear; time before quantity ("jam berapa"). */
  static AnswerType of(String question) {
    for (AnswerType type : values()) {
      if (type.question.matcher(question).find()) {
        return type;
      }
    }
    return OTHER;
  }

  /** Whether the answer is a value (an amount, a date) that a sentence either holds or not. */
  boolean needsValue() {
    return this == QUANTITY || this == TIME;
  }

  boolean heldBy(String sentence) {
    return holder.matcher(sentence).find();
  }
}
