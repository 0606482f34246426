package io.learnloop.app.learning;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * How answers are kept while Redis is unavailable.
 *
 * @param maxPending {@code LEARNLOOP_ANSWERS_MAX_PENDING}: answers kept at most; further ones are
 *     refused, and the learner is told, until Redis is back
 * @param retryEvery how often kept answers are retried
 */
@Validated
@ConfigurationProperties("learnloop.answers")
public record AnswerSettings(@Positive int maxPending, @NotNull Duration retryEvery) {}
