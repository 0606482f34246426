package io.learnloop.app.xapi;

import io.learnloop.app.DataSettings;
import io.learnloop.app.content.LearningContent;
import io.learnloop.dialog.learning.AnswerLog;
import io.learnloop.dialog.learning.Learners;
import io.learnloop.dialog.learning.LearningRecords;
import io.learnloop.integrations.xapi.FileXapiOutbox;
import io.learnloop.integrations.xapi.LrsClient;
import io.learnloop.integrations.xapi.LrsEndpoint;
import io.learnloop.integrations.xapi.XapiLearningRecords;
import io.learnloop.integrations.xapi.XapiSender;
import io.learnloop.integrations.xapi.XapiStatements;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Answers and lessons as xAPI statements to the LRS named by {@code LRS_URL}, through an outbox in
 * {@code LEARNLOOP_DATA_DIR/xapi}.
 */
@Configuration(proxyBeanMethods = false)
class XapiConfiguration {

  private static final Logger log = LoggerFactory.getLogger(XapiConfiguration.class);

  /** Closed after the answer recorder that reports to it: Spring destroys dependents first. */
  @Bean(destroyMethod = "close")
  XapiDelivery xapiDelivery(XapiSettings settings, DataSettings data) {
    Optional<LrsEndpoint> endpoint = settings.endpoint();
    if (endpoint.isEmpty()) {
      log.info("xAPI is off: no LRS_URL; answers and lessons are not reported to an LRS");
      return XapiDelivery.off();
    }
    FileXapiOutbox outbox = FileXapiOutbox.open(data.dataDir().resolve("xapi"));
    XapiSender sender =
        new XapiSender(
            outbox,
            new LrsClient(endpoint.get(), settings.timeout()),
            settings.batchSize(),
            settings.firstBackoff(),
            settings.maxBackoff());
    log.info(
        "xAPI is on: statements to {} ({} waiting in {})",
        endpoint.get().url(),
        outbox.pending(),
        outbox.file());
    sender.wake();
    return XapiDelivery.on(outbox, sender);
  }

  @Bean
  LearningRecords learningRecords(
      XapiDelivery delivery,
      XapiSettings settings,
      Learners learners,
      LearningContent content,
      AnswerLog answers) {
    if (delivery.outbox().isEmpty()) {
      return LearningRecords.none();
    }
    XapiLearningRecords records =
        new XapiLearningRecords(
            new XapiStatements(settings.activityIds(), settings.webHomePage()),
            learners,
            item -> content.catalog().flatMap(catalog -> catalog.item(item)),
            delivery.outbox().get(),
            delivery.sender().orElseThrow());
    // What a run that stopped between the answer store and the report left held.
    records.resolveEarlierRun(answers);
    return records;
  }

  @Bean
  HealthIndicator xapiHealthIndicator(XapiDelivery delivery) {
    return () -> {
      if (delivery.outbox().isEmpty()) {
        return Health.up().withDetail("enabled", false).build();
      }
      FileXapiOutbox outbox = delivery.outbox().get();
      XapiSender sender = delivery.sender().orElseThrow();
      return Health.up()
          .withDetail("enabled", true)
          .withDetail("pending", outbox.pending())
          .withDetail("delivered", sender.delivered())
          .withDetail("refused", sender.refused())
          .withDetail("damagedOutboxLines", outbox.damaged().size())
          .build();
    };
  }

  @Bean
  MeterBinder xapiMetrics(XapiDelivery delivery) {
    return registry -> {
      delivery
          .outbox()
          .ifPresent(
              outbox ->
                  Gauge.builder("learnloop.xapi.outbox", outbox, FileXapiOutbox::pending)
                      .description("xAPI statements waiting for the LRS")
                      .register(registry));
      delivery
          .sender()
          .ifPresent(
              sender -> {
                FunctionCounter.builder("learnloop.xapi.delivered", sender, XapiSender::delivered)
                    .description("xAPI statements the LRS accepted")
                    .register(registry);
                FunctionCounter.builder("learnloop.xapi.refused", sender, XapiSender::refused)
                    .description("xAPI statements the LRS refused, kept in the dead-letter file")
                    .register(registry);
              });
    };
  }
}
