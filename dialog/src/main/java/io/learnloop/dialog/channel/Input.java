package io.learnloop.dialog.channel;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/** What a person did: typed, pressed a button, ran a command, opened their home view. */
public sealed interface Input {

  /** Longest question or message the core takes. */
  int MAX_TEXT = 2000;

  /** Longest action value the core takes; Slack allows 2,000, Teams more. */
  int MAX_VALUE = 2000;

  /** A typed message. */
  record Typed(String text) implements Input {
    public Typed {
      Objects.requireNonNull(text, "text");
      text = text.strip();
      if (text.isEmpty()) {
        throw new InvalidInputException(InvalidInputException.Reason.EMPTY, 0);
      }
      if (text.length() > MAX_TEXT) {
        throw new InvalidInputException(InvalidInputException.Reason.TOO_LONG, text.length());
      }
    }
  }

  /**
   * A button or menu on a message the bot sent.
   *
   * @param actionId the {@link Action#id()} the core gave the button
   * @param value the button's small, opaque {@link Action#value()}
   * @param message the message the button is on, when the channel says
   */
  record ActionInvoked(String actionId, String value, Optional<MessageRef> message)
      implements Input {
    private static final Pattern ID = Pattern.compile("[a-z][a-z0-9._-]{0,254}");

    public ActionInvoked {
      Objects.requireNonNull(actionId, "actionId");
      Objects.requireNonNull(value, "value");
      Objects.requireNonNull(message, "message");
      if (!ID.matcher(actionId).matches()) {
        throw new InvalidInputException(InvalidInputException.Reason.BAD_ACTION, actionId.length());
      }
      if (value.length() > MAX_VALUE) {
        throw new InvalidInputException(InvalidInputException.Reason.TOO_LONG, value.length());
      }
    }
  }

  /** A command by name, with what follows it ({@code /learn ask how many leave days}). */
  record CommandInvoked(Command command, String argument) implements Input {
    public CommandInvoked {
      Objects.requireNonNull(command, "command");
      Objects.requireNonNull(argument, "argument");
      argument = argument.strip();
      if (argument.length() > MAX_TEXT) {
        throw new InvalidInputException(InvalidInputException.Reason.TOO_LONG, argument.length());
      }
    }
  }

  /**
   * A form the core sent, filled in and submitted (the settings: a Slack modal, a Teams card's
   * inputs).
   *
   * @param formId what the form is, e.g. {@link #SETTINGS}
   * @param values the fields as the person left them, by the names the form gave them; what they
   *     mean is for the core to check
   * @param message the message the form is on, when it is on one
   */
  record FormSubmitted(String formId, Map<String, String> values, Optional<MessageRef> message)
      implements Input {

    /** The learner's settings ({@link Reply.SettingsForm}). */
    public static final String SETTINGS = "settings";

    public FormSubmitted {
      Objects.requireNonNull(formId, "formId");
      values = Map.copyOf(values);
      Objects.requireNonNull(message, "message");
      if (values.size() > 20) {
        throw new InvalidInputException(InvalidInputException.Reason.TOO_LONG, values.size());
      }
      for (Map.Entry<String, String> field : values.entrySet()) {
        if (field.getKey().length() > 64 || field.getValue().length() > MAX_VALUE) {
          throw new InvalidInputException(
              InvalidInputException.Reason.TOO_LONG, field.getValue().length());
        }
      }
    }
  }

  /**
   * A message in a thread of a shared conversation that did not address the bot (Slack's {@code
   * message.channels}, a Teams channel message read with resource-specific consent): an expert's
   * reply when the thread is one the bot started for the experts, talk the bot keeps out of
   * otherwise.
   *
   * @param messageId the message as its channel identifies it, for a link to it
   */
  record ThreadMessage(String text, String messageId) implements Input {
    public ThreadMessage {
      Objects.requireNonNull(text, "text");
      Objects.requireNonNull(messageId, "messageId");
      text = text.strip();
      if (text.length() > MAX_TEXT * 4) {
        text = text.substring(0, MAX_TEXT * 4);
      }
    }
  }

  /** The person opened their home or progress view (Slack App Home, the Teams personal tab). */
  record HomeOpened() implements Input {}
}
