package io.learnloop.app.slack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.java_websocket.WebSocket;
import org.java_websocket.handshake.ClientHandshake;
import org.java_websocket.server.WebSocketServer;

/**
 * Slack's Socket Mode end on a loopback port, as bolt-java's own {@code MockSocketMode} plays it: a
 * WebSocket server that greets each connection with {@code hello}, sends the envelopes a test gives
 * it and keeps what the app sends back (its acknowledgements).
 */
final class LocalSocketMode extends WebSocketServer {

  private static final String HELLO =
      "{\"type\":\"hello\",\"num_connections\":1,\"debug_info\":{\"host\":\"applink-learnloop-1\","
          + "\"build_number\":999,\"approximate_connection_time\":18060},"
          + "\"connection_info\":{\"app_id\":\"A0LEARN001\"}}";

  private final List<String> received = new CopyOnWriteArrayList<>();

  private LocalSocketMode(int port) {
    super(new InetSocketAddress("127.0.0.1", port));
    setReuseAddr(true);
  }

  /** A server on a free loopback port, started. */
  static LocalSocketMode started() {
    try (ServerSocket free = new ServerSocket(0)) {
      LocalSocketMode server = new LocalSocketMode(free.getLocalPort());
      free.close();
      server.start();
      return server;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The URL {@code apps.connections.open} hands out. */
  String url() {
    return "ws://127.0.0.1:" + getPort() + "/link/?ticket=a1b2c3d4-learnloop&app_id=A0LEARN001";
  }

  int connections() {
    return getConnections().size();
  }

  /** Sends one envelope to every connected client. */
  void deliver(String envelope) {
    getConnections().forEach(connection -> connection.send(envelope));
  }

  /** What the app sent, oldest first. */
  List<String> received() {
    return List.copyOf(received);
  }

  /** An Events API envelope as Socket Mode sends it. */
  static String eventsApi(String envelopeId, String eventCallback, int retryAttempt) {
    return "{\"envelope_id\":\""
        + envelopeId
        + "\",\"payload\":"
        + eventCallback
        + ",\"type\":\"events_api\",\"accepts_response_payload\":false,\"retry_attempt\":"
        + retryAttempt
        + ",\"retry_reason\":\""
        + (retryAttempt == 0 ? "" : "timeout")
        + "\"}";
  }

  @Override
  public void onOpen(WebSocket connection, ClientHandshake handshake) {
    connection.send(HELLO);
  }

  @Override
  public void onMessage(WebSocket connection, String message) {
    received.add(message);
  }

  @Override
  public void onClose(WebSocket connection, int code, String reason, boolean remote) {}

  @Override
  public void onError(WebSocket connection, Exception e) {}

  @Override
  public void onStart() {}
}
