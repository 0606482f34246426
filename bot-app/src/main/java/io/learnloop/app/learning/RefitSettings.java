package io.learnloop.app.learning;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import java.time.ZoneId;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * When the response model is refitted to the organisation's answers, and how soon every instance
 * uses a model another one adopted.
 *
 * @param cron {@code LEARNLOOP_REFIT_CRON}, Spring's six-field cron, default nightly at 03:30
 * @param zone the time zone of the cron
 * @param lease how long one refit may take before another instance may take its slot over
 * @param checkEvery how often each instance asks Redis whether a new model was adopted
 */
@Validated
@ConfigurationProperties("learnloop.refit")
public record RefitSettings(
    @NotBlank String cron,
    @NotNull ZoneId zone,
    @NotNull Duration lease,
    @NotNull Duration checkEvery) {}
