package io.learnloop.dialog.learning;

import io.learnloop.dialog.catalog.Catalog;
import io.learnloop.dialog.catalog.Item;
import io.learnloop.dialog.catalog.SkillId;
import io.learnloop.dialog.learning.model.Response;
import io.learnloop.dialog.learning.model.ResponseModelRefit;
import io.learnloop.dialog.learning.model.ResponseModelRefit.Adopted;
import io.learnloop.dialog.learning.model.ResponseModelRefit.Outcome;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * Refits the response model to the organisation's own answer stream and, when the refit predicts
 * the most recent answers no worse than the model in use, adopts it for every instance ({@link
 * ResponseModels}). For a scheduled job that runs once per cluster: the claim's fencing token goes
 * with the adopted model, so that a run paused past its lease cannot replace a later one's. Answers
 * on items no longer in the catalog are left out; their skills are unknown.
 */
public final class RefitResponseModel {

  private static final Logger log = Logger.getLogger(RefitResponseModel.class.getName());

  private final AnswerLog answers;
  private final Catalog catalog;
  private final ResponseModels store;
  private final CurrentResponseModel current;
  private final ResponseModelRefit refit;
  private final Clock clock;

  public RefitResponseModel(
      AnswerLog answers,
      Catalog catalog,
      ResponseModels store,
      CurrentResponseModel current,
      Clock clock) {
    this.answers = Objects.requireNonNull(answers, "answers");
    this.catalog = Objects.requireNonNull(catalog, "catalog");
    this.store = Objects.requireNonNull(store, "store");
    this.current = Objects.requireNonNull(current, "current");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.refit = new ResponseModelRefit(ResponseModelRefit.SETTINGS, current.defaults());
  }

  /**
   * Runs one refit.
   *
   * @param token the fencing token of the job's claim
   * @return what was decided; an {@link Adopted} outcome the store refused (a newer token) is
   *     reported as kept
   * @throws AnswerLogUnavailableException when the answers cannot be read
   * @throws ResponseModelsUnavailableException when the adopted model cannot be read or written
   */
  public Outcome run(long token) {
    if (!current.refresh()) {
      throw new ResponseModelsUnavailableException(
          "cannot read the adopted response model to compare a refit with");
    }
    List<ResponseModelRefit.Answer> stream = stream();
    Outcome outcome = refit.refit(current.get(), current.fittedUntil(), stream);
    if (outcome instanceof Adopted adopted) {
      String parameters = CurrentResponseModel.text(adopted.model());
      if (parameters.equals(CurrentResponseModel.text(current.get()))) {
        String reason = "kept: the refit is the model in use (no new answers since it was fitted)";
        log.info("Response model refit on " + stream.size() + " answers: " + reason);
        return new ResponseModelRefit.Kept(current.get(), reason);
      }
      AdoptedModel model =
          new AdoptedModel(
              parameters, token, adopted.fittedUntil(), clock.instant(), adopted.reason());
      if (!store.adopt(model)) {
        String reason = "kept: a refit with a newer claim than " + token + " was adopted already";
        log.warning(reason);
        return new ResponseModelRefit.Kept(current.get(), reason);
      }
      current.use(adopted.model(), model);
    }
    log.info("Response model refit on " + stream.size() + " answers: " + outcome.reason());
    return outcome;
  }

  private List<ResponseModelRefit.Answer> stream() {
    List<ResponseModelRefit.Answer> stream = new ArrayList<>();
    for (LearnerId learner : answers.learners()) {
      for (AnswerEvent event : answers.answers(learner)) {
        Optional<Item> item = catalog.item(event.item());
        if (item.isEmpty()) {
          continue;
        }
        List<String> skills = item.get().skills().stream().map(SkillId::value).sorted().toList();
        stream.add(
            new ResponseModelRefit.Answer(
                learner.value() + "/" + event.id().value(),
                event.at(),
                new Response(learner.value(), event.item().value(), skills, event.correct())));
      }
    }
    return stream;
  }
}
