package io.learnloop.integrations.journal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32C;

/**
 * Encodes a {@link JournalEntry} as one JSON line, {@code {"crc":"<crc32c hex>","entry":{...}}},
 * the checksum taken over the entry's JSON, so that a record a crash cut short, or a disk
 * corrupted, is told apart from a complete one.
 */
final class JournalLines {

  private final ObjectMapper json = new ObjectMapper();

  byte[] encode(JournalEntry entry) {
    try {
      byte[] body = json.writeValueAsBytes(json.valueToTree(entry));
      ByteArrayOutputStream line = new ByteArrayOutputStream(body.length + 32);
      line.writeBytes(
          ("{\"crc\":\"" + crc(body) + "\",\"entry\":").getBytes(StandardCharsets.UTF_8));
      line.writeBytes(body);
      line.writeBytes("}\n".getBytes(StandardCharsets.UTF_8));
      return line.toByteArray();
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Could not write journal entry " + entry.id(), e);
    }
  }

  /**
   * @param line one line without its end of line
   * @throws IllegalArgumentException saying what is wrong with the line
   */
  JournalEntry decode(String line) {
    JsonNode root;
    try {
      root = json.readTree(line);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("not a complete JSON record", e);
    }
    JsonNode entry = root == null ? null : root.get("entry");
    JsonNode crc = root == null ? null : root.get("crc");
    if (entry == null || crc == null || !entry.isObject()) {
      throw new IllegalArgumentException("not a journal record (no 'crc' and 'entry')");
    }
    try {
      if (!crc(json.writeValueAsBytes(entry)).equals(crc.asText())) {
        throw new IllegalArgumentException("checksum does not match the record");
      }
      return json.treeToValue(entry, JournalEntry.class);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("unreadable record: " + e.getOriginalMessage(), e);
    }
  }

  private static String crc(byte[] body) {
    CRC32C crc = new CRC32C();
    crc.update(body);
    return String.format("%08x", crc.getValue());
  }
}
