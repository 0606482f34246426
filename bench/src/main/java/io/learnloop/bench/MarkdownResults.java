package io.learnloop.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes a benchmark's results between its markers in a docs file, keeping the notes around. */
final class MarkdownResults {

  private MarkdownResults() {}

  static void write(Path out, String begin, String end, String report) throws IOException {
    String results = begin + System.lineSeparator() + report + end;
    String text = results + System.lineSeparator();
    if (Files.exists(out)) {
      String old = Files.readString(out);
      int from = old.indexOf(begin);
      int to = old.indexOf(end);
      text =
          from >= 0 && to > from
              ? old.substring(0, from) + results + old.substring(to + end.length())
              : old + System.lineSeparator() + text;
    }
    Files.createDirectories(out.toAbsolutePath().getParent());
    Files.writeString(out, text);
  }

  /** The output of a short command such as {@code uptime}, for the report. */
  static String command(String... command) throws IOException, InterruptedException {
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes()).strip();
    process.waitFor();
    return output;
  }
}
