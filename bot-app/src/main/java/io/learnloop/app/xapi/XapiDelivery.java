package io.learnloop.app.xapi;

import io.learnloop.integrations.xapi.FileXapiOutbox;
import io.learnloop.integrations.xapi.XapiSender;
import java.util.Optional;

/** The outbox and its sender when xAPI is on, closed together: the sender first. */
final class XapiDelivery implements AutoCloseable {

  private final Optional<FileXapiOutbox> outbox;
  private final Optional<XapiSender> sender;

  private XapiDelivery(Optional<FileXapiOutbox> outbox, Optional<XapiSender> sender) {
    this.outbox = outbox;
    this.sender = sender;
  }

  static XapiDelivery off() {
    return new XapiDelivery(Optional.empty(), Optional.empty());
  }

  static XapiDelivery on(FileXapiOutbox outbox, XapiSender sender) {
    return new XapiDelivery(Optional.of(outbox), Optional.of(sender));
  }

  Optional<FileXapiOutbox> outbox() {
    return outbox;
  }

  Optional<XapiSender> sender() {
    return sender;
  }

  @Override
  public void close() {
    sender.ifPresent(XapiSender::close);
    outbox.ifPresent(FileXapiOutbox::close);
  }
}
