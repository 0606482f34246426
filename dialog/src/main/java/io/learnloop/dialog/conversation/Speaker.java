package io.learnloop.dialog.conversation;

/** Who wrote a turn of a conversation. */
public enum Speaker {
  LEARNER,
  BOT
}
