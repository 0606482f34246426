package io.learnloop.integrations;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.zip.CRC32C;

/**
 * Encodes a record of an append-only file (a Jackson-mapped type: the answer journal's entry, the
 * xAPI outbox's) as one JSON line, {@code {"crc":"<crc32c hex>","entry":{...}}}, the checksum taken
 * over the entry's JSON bytes as written, so that a record a crash cut short, or a disk corrupted,
 * is told apart from a complete one. Reading checks the checksum on the raw bytes before parsing
 * the entry once.
 *
 * <p>Outside every adapter's package: a file format the adapters share, not an adapter of its own.
 */
public final class ChecksummedLines<T> {

  private static final String PREFIX = "{\"crc\":\"";
  private static final String MIDDLE = "\",\"entry\":";
  private static final int BODY_START = PREFIX.length() + 8 + MIDDLE.length();

  private final ObjectMapper json = new ObjectMapper();
  private final Class<T> type;

  public ChecksummedLines(Class<T> type) {
    this.type = type;
  }

  public byte[] encode(T entry) {
    try {
      byte[] body = json.writeValueAsBytes(entry);
      ByteArrayOutputStream line = new ByteArrayOutputStream(body.length + BODY_START + 2);
      line.writeBytes((PREFIX + crc(body) + MIDDLE).getBytes(StandardCharsets.UTF_8));
      line.writeBytes(body);
      line.writeBytes("}\n".getBytes(StandardCharsets.UTF_8));
      return line.toByteArray();
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Could not write journal entry " + entry, e);
    }
  }

  /**
   * @param line one line without its end of line
   * @throws IllegalArgumentException saying what is wrong with the line
   */
  public T decode(String line) {
    if (line.length() < BODY_START + 2
        || !line.startsWith(PREFIX)
        || !line.startsWith(MIDDLE, PREFIX.length() + 8)
        || !line.endsWith("}")) {
      throw new IllegalArgumentException("not a journal record (no 'crc' and 'entry')");
    }
    String crc = line.substring(PREFIX.length(), PREFIX.length() + 8);
    byte[] body = line.substring(BODY_START, line.length() - 1).getBytes(StandardCharsets.UTF_8);
    if (!crc(body).equals(crc)) {
      throw new IllegalArgumentException("checksum does not match the record");
    }
    try {
      return json.readValue(body, type);
    } catch (IOException e) {
      throw new IllegalArgumentException("unreadable record: " + e.getMessage(), e);
    }
  }

  private static String crc(byte[] body) {
    CRC32C crc = new CRC32C();
    crc.update(body);
    return HexFormat.of().toHexDigits((int) crc.getValue());
  }
}
