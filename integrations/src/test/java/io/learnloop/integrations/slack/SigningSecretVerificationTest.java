package io.learnloop.integrations.slack;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

class SigningSecretVerificationTest {

  // The worked example of Slack's "Verifying requests from Slack" guide.
  private static final String SECRET = "8f742231b10e8888abcd99yyyzzz85a5";
  private static final String TIMESTAMP = "1531420618";
  private static final String BODY =
      "token=xyzz0WbapA4vBCDEFasx0q6G&team_id=T1DC2JH3J&team_domain=testteamnow&channel_id=G8PSS9T3V"
          + "&channel_name=foobar&user_id=U2CERLKJA&user_name=roadrunner&command=%2Fwebhook-collect"
          + "&text=&response_url=https%3A%2F%2Fhooks.slack.com%2Fcommands%2FT1DC2JH3J%2F397700885554"
          + "%2F96rGlfmibIGlgcZRskXaIFfN&trigger_id=398738663015.47445629121.803a0bc887a14d10d2c447fce8b6703c";
  private static final String SIGNATURE =
      "v0=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503";

  private final SigningSecretVerification verification =
      new SigningSecretVerification(SECRET, at(Long.parseLong(TIMESTAMP) + 30));

  @Test
  void should_accept_the_signature_of_slacks_worked_example() {
    assertThat(verification.sign(TIMESTAMP, BODY)).isEqualTo(SIGNATURE);
    assertThat(verification.valid(TIMESTAMP, BODY, SIGNATURE)).isTrue();
  }

  @Test
  void should_refuse_a_changed_body_a_wrong_signature_and_a_missing_header() {
    assertThat(verification.valid(TIMESTAMP, BODY.replace("foobar", "foobaz"), SIGNATURE))
        .isFalse();
    assertThat(verification.valid(TIMESTAMP, BODY, SIGNATURE.replace('a', 'b'))).isFalse();
    assertThat(verification.valid(null, BODY, SIGNATURE)).isFalse();
    assertThat(verification.valid(TIMESTAMP, BODY, null)).isFalse();
    assertThat(verification.valid("not-a-number", BODY, SIGNATURE)).isFalse();
  }

  @Test
  void should_refuse_timestamps_more_than_five_minutes_old_or_ahead() {
    long sent = Long.parseLong(TIMESTAMP);
    SigningSecretVerification late = new SigningSecretVerification(SECRET, at(sent + 301));
    SigningSecretVerification early = new SigningSecretVerification(SECRET, at(sent - 301));
    SigningSecretVerification justInTime = new SigningSecretVerification(SECRET, at(sent + 299));

    assertThat(late.valid(TIMESTAMP, BODY, SIGNATURE)).isFalse();
    assertThat(early.valid(TIMESTAMP, BODY, SIGNATURE)).isFalse();
    assertThat(justInTime.valid(TIMESTAMP, BODY, SIGNATURE)).isTrue();
  }

  @Test
  void should_sign_the_utf8_bytes_of_a_non_ascii_body() throws Exception {
    String body = "{\"text\":\"Berapa hari cuti? 🌴 café\"}";
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
    String expected =
        "v0="
            + HexFormat.of()
                .formatHex(
                    mac.doFinal(("v0:" + TIMESTAMP + ":" + body).getBytes(StandardCharsets.UTF_8)));

    assertThat(verification.sign(TIMESTAMP, body)).isEqualTo(expected);
    assertThat(verification.valid(TIMESTAMP, body, expected)).isTrue();
  }

  private static Clock at(long epochSecond) {
    return Clock.fixed(Instant.ofEpochSecond(epochSecond), ZoneOffset.UTC);
  }
}
