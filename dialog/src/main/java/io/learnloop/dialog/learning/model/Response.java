package io.learnloop.dialog.learning.model;

import java.util.List;
import java.util.Objects;

/**
 * One answer as the response model sees it: who, which item, the item's skills, and whether it was
 * right. Ids are plain strings so that catalog items and evaluation data share one model.
 */
public record Response(String learner, String item, List<String> skills, boolean correct) {

  public Response {
    Objects.requireNonNull(learner, "learner");
    Objects.requireNonNull(item, "item");
    skills = List.copyOf(skills);
    if (skills.isEmpty()) {
      throw new IllegalArgumentException("item '" + item + "' has no skills");
    }
  }
}
