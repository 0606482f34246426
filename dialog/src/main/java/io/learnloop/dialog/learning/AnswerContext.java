package io.learnloop.dialog.learning;

/** Where a question was answered. */
public enum AnswerContext {
  /** The learner's daily micro-quiz. */
  DAILY,
  /** A team's quiz round in a channel. */
  TEAM_ROUND,
  /** A question offered right after the learner asked about the topic. */
  JUST_IN_TIME,
  /** The adaptive placement test of a new learner. */
  PRE_TEST
}
