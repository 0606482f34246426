package io.learnloop.integrations.slack;

import com.google.gson.JsonParseException;
import com.slack.api.bolt.App;
import com.slack.api.bolt.jakarta_servlet.SlackAppServletAdapter;
import com.slack.api.bolt.request.Request;
import com.slack.api.bolt.response.Response;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Bolt's servlet, except that a body Bolt cannot parse gets a 400 instead of a 500 with a stack
 * trace in the log: Slack never sends one, so it is a client's mistake, not ours. Like {@code
 * SlackAppServlet}, it hands Bolt the raw body, which the signature check needs untouched.
 */
public final class SlackEventsServlet extends HttpServlet {

  private static final Logger log = LoggerFactory.getLogger(SlackEventsServlet.class);

  private final transient App app;
  private final transient SlackAppServletAdapter adapter;

  public SlackEventsServlet(App app) {
    this.app = app;
    this.adapter = new SlackAppServletAdapter(app.config());
  }

  @Override
  protected void doPost(HttpServletRequest req, HttpServletResponse resp) throws IOException {
    Response response;
    try {
      Request<?> request = adapter.buildSlackRequest(req);
      response = request == null ? badRequest() : app.run(request);
    } catch (JsonParseException | IllegalStateException | ClassCastException e) {
      log.info("Refused a Slack request that cannot be parsed: {}", e.getMessage());
      response = badRequest();
    } catch (Exception e) {
      log.error("Could not handle a Slack request", e);
      response = Response.json(500, "{\"error\":\"internal error\"}");
    }
    adapter.writeResponse(resp, response);
  }

  private static Response badRequest() {
    return Response.json(400, "{\"error\":\"malformed request\"}");
  }
}
