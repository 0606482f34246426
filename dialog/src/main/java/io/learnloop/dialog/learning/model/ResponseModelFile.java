package io.learnloop.dialog.learning.model;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Reads and writes a {@link ResponseModel} as text: a line {@code features <set>}, then one line
 * per weight, {@code weight <name> <value>} or {@code base <name> <value>}, tab-separated (feature
 * names contain '=' and spaces never). The shipped defaults, {@link #shipped()}, are the portable
 * part of the model {@code eval-learner} scores (see docs/LEARNER-MODEL.md).
 */
public final class ResponseModelFile {

  /** Classpath location of the shipped default parameters. */
  public static final String SHIPPED = "/io/learnloop/dialog/learning/model/response-model.tsv";

  private ResponseModelFile() {}

  /** The shipped default model. */
  public static ResponseModel shipped() {
    try (InputStream in = ResponseModelFile.class.getResourceAsStream(SHIPPED)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + SHIPPED);
      }
      return read(in, SHIPPED);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * @param source named in errors
   * @throws IllegalArgumentException naming the source and line of a malformed line
   */
  public static ResponseModel read(InputStream in, String source) throws IOException {
    BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
    FeatureSet set = null;
    Map<String, Double> weights = new TreeMap<>();
    Map<String, Double> base = new TreeMap<>();
    String text;
    int line = 0;
    while ((text = reader.readLine()) != null) {
      line++;
      if (text.isBlank() || text.startsWith("#")) {
        continue;
      }
      String[] cells = text.split("\t", -1);
      try {
        if (cells[0].equals("features") && cells.length == 2) {
          set = FeatureSet.valueOf(cells[1].strip());
        } else if (cells.length == 3 && cells[0].equals("weight")) {
          weights.put(cells[1], Double.parseDouble(cells[2]));
        } else if (cells.length == 3 && cells[0].equals("base")) {
          base.put(cells[1], Double.parseDouble(cells[2]));
        } else {
          throw new IllegalArgumentException(
              "expected 'features <set>' or 'weight|base <name> <value>', tab-separated");
        }
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(source + ":" + line + ": " + e.getMessage(), e);
      }
    }
    if (set == null) {
      throw new IllegalArgumentException(source + ": no 'features' line");
    }
    return ResponseModel.of(set, weights, base);
  }

  public static void write(ResponseModel model, Writer out) throws IOException {
    out.write("# LearnLoop response model: see docs/LEARNER-MODEL.md\n");
    out.write("features\t" + model.featureSet() + "\n");
    for (var e : model.weights().entrySet()) {
      out.write(
          String.format(
              Locale.ROOT, "weight\t%s\t%s\n", e.getKey(), Double.toString(e.getValue())));
    }
    for (var e : model.baseWeights().entrySet()) {
      out.write(
          String.format(Locale.ROOT, "base\t%s\t%s\n", e.getKey(), Double.toString(e.getValue())));
    }
  }
}
