package io.learnloop.dialog.channel;

/** The action ids the core puts on its replies and understands when they come back. */
public final class ActionIds {

  /** A choice on a quiz card; value {@code <card id>.<choice number from 1>}. */
  public static final String QUIZ_CHOICE = "quiz.choice";

  /** Another question after feedback; no value. */
  public static final String QUIZ_NEXT = "quiz.next";

  /** Questions on what an answer cited; value: the cited documents, comma-separated. */
  public static final String QUIZ_ME_ON_THIS = "answer.quiz-me";

  /** The reader found the answer helpful; value: the answer's id. */
  public static final String HELPFUL = "answer.helpful";

  /** The reader did not find the answer helpful; value: the answer's id. */
  public static final String NOT_HELPFUL = "answer.not-helpful";

  /**
   * Pass the question of an answer, with its sources, to the experts' conversation; value: the
   * offer's unguessable id.
   */
  public static final String ASK_PERSON = "answer.ask-person";

  /** A choice on a team round's card; value {@code <round id>.<choice number from 1>}. */
  public static final String ROUND_CHOICE = "round.choice";

  /** The person confirmed that everything about them is to be deleted; no value. */
  public static final String FORGET_CONFIRMED = "privacy.forget";

  /** The person changed their mind about deleting their data; no value. */
  public static final String FORGET_CANCELLED = "privacy.keep";

  /** The learner declines the placement pre-test; no value. */
  public static final String PRETEST_SKIP = "pretest.skip";

  private ActionIds() {}
}
