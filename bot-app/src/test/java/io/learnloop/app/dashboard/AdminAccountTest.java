package io.learnloop.app.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;

@ExtendWith(OutputCaptureExtension.class)
class AdminAccountTest {

  private static final Pattern PRINTED = Pattern.compile("with the password (\\S+) ");
  private final PasswordEncoder encoder =
      PasswordEncoderFactories.createDelegatingPasswordEncoder();

  @Test
  void should_print_a_generated_password_once_and_keep_only_its_bcrypt_hash(
      @TempDir Path data, CapturedOutput output) throws Exception {
    String first = AdminAccount.passwordHash("", data, encoder);
    Matcher printed = PRINTED.matcher(output.getAll());
    assertThat(printed.find()).as("the password in the log").isTrue();
    String password = printed.group(1);

    String afterRestart = AdminAccount.passwordHash("", data, encoder);

    assertThat(afterRestart).isEqualTo(first).startsWith("{bcrypt}");
    assertThat(encoder.matches(password, afterRestart)).isTrue();
    assertThat(PRINTED.matcher(output.getAll()).results().count()).as("printed once").isEqualTo(1);
    String kept = Files.readString(data.resolve(AdminAccount.FILE));
    assertThat(kept).doesNotContain(password);
  }

  @Test
  void should_use_the_configured_password_and_write_nothing(
      @TempDir Path data, CapturedOutput output) {
    String hash = AdminAccount.passwordHash("s3cret-from-env", data, encoder);

    assertThat(encoder.matches("s3cret-from-env", hash)).isTrue();
    assertThat(data.resolve(AdminAccount.FILE)).doesNotExist();
    assertThat(output.getAll()).doesNotContain("s3cret-from-env");
  }
}
