package io.learnloop.app.dashboard;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * The dashboard's local administrator, {@code admin}. Its password is the configured one, or one
 * generated at the first start: printed to the log that once, and kept only as a hash in {@code
 * <data dir>/dashboard/admin-password}, so later starts use it again and print nothing.
 */
final class AdminAccount {

  static final String USERNAME = "admin";
  static final String FILE = "admin-password";

  private static final Logger log = LoggerFactory.getLogger(AdminAccount.class);
  private static final SecureRandom RANDOM = new SecureRandom();

  private AdminAccount() {}

  /** The admin password's hash, in the encoder's {@code {id}hash} form. */
  static String passwordHash(String configured, Path folder, PasswordEncoder encoder) {
    if (!configured.isBlank()) {
      return encoder.encode(configured);
    }
    Path file = folder.resolve(FILE);
    try {
      if (Files.exists(file)) {
        return Files.readString(file, StandardCharsets.UTF_8).strip();
      }
      byte[] secret = new byte[18];
      RANDOM.nextBytes(secret);
      String password = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
      String hash = encoder.encode(password);
      write(file, hash);
      log.warn(
          "Dashboard: sign in at /login as '{}' with the password {} (shown this once; only its"
              + " hash is kept, in {}; set LEARNLOOP_ADMIN_PASSWORD to choose one)",
          USERNAME,
          password,
          file);
      return hash;
    } catch (IOException e) {
      throw new UncheckedIOException("Could not keep the dashboard admin password in " + file, e);
    }
  }

  private static void write(Path file, String hash) throws IOException {
    Files.createDirectories(file.getParent());
    Path temporary = file.resolveSibling(FILE + ".tmp");
    Files.writeString(temporary, hash + "\n", StandardCharsets.UTF_8);
    try {
      Files.setPosixFilePermissions(temporary, PosixFilePermissions.fromString("rw-------"));
    } catch (UnsupportedOperationException e) {
      // Not a POSIX file system (Windows): the folder's own permissions apply.
    }
    try {
      Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING);
    }
  }
}
