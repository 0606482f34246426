package io.learnloop.dialog.learning;

/** A learner's place on a team's leaderboard. */
public record LeaderboardEntry(LearnerId learner, long points) {}
