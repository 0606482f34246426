package io.learnloop.integrations.content;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * A YAML node that remembers its file and line, so that every problem found while reading content
 * can be reported as {@code file:line: problem}. Composed, not constructed: no Java types are
 * instantiated from the document.
 */
final class YamlNode {

  private final Path file;
  private final Node node;

  private YamlNode(Path file, Node node) {
    this.file = file;
    this.node = node;
  }

  static YamlNode parse(Path file) {
    try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      LoaderOptions options = new LoaderOptions();
      options.setAllowDuplicateKeys(false);
      Node root = new Yaml(options).compose(reader);
      if (root == null) {
        throw new ContentFileException(file, 0, "the file is empty");
      }
      return new YamlNode(file, root);
    } catch (MarkedYAMLException e) {
      int line = e.getProblemMark() == null ? 0 : e.getProblemMark().getLine() + 1;
      throw new ContentFileException(file, line, "not valid YAML: " + e.getProblem());
    } catch (YAMLException e) {
      if (e.getCause() instanceof CharacterCodingException) {
        throw new ContentFileException(file, 0, "the file is not UTF-8 text");
      }
      throw new ContentFileException(file, 0, "not valid YAML: " + e.getMessage());
    } catch (NoSuchFileException e) {
      throw new ContentFileException(file, 0, "the file does not exist");
    } catch (CharacterCodingException e) {
      throw new ContentFileException(file, 0, "the file is not UTF-8 text");
    } catch (IOException e) {
      throw new ContentFileException(file, 0, "the file cannot be read: " + e.getMessage());
    }
  }

  int line() {
    return node.getStartMark().getLine() + 1;
  }

  ContentFileException problem(String message) {
    return new ContentFileException(file, line(), message);
  }

  /** The entries of a mapping, in document order. */
  Map<String, YamlNode> entries() {
    if (!(node instanceof MappingNode mapping)) {
      throw problem("expected key: value pairs here");
    }
    Map<String, YamlNode> entries = new LinkedHashMap<>();
    for (NodeTuple tuple : mapping.getValue()) {
      String key = new YamlNode(file, tuple.getKeyNode()).text();
      entries.put(key, new YamlNode(file, tuple.getValueNode()));
    }
    return entries;
  }

  YamlNode required(String key) {
    YamlNode value = entries().get(key);
    if (value == null) {
      throw problem("missing '" + key + "'");
    }
    return value;
  }

  Optional<YamlNode> optional(String key) {
    return Optional.ofNullable(entries().get(key));
  }

  List<YamlNode> elements() {
    if (!(node instanceof SequenceNode sequence)) {
      throw problem("expected a list here");
    }
    List<YamlNode> elements = new ArrayList<>();
    for (Node element : sequence.getValue()) {
      elements.add(new YamlNode(file, element));
    }
    return elements;
  }

  String text() {
    if (!(node instanceof ScalarNode scalar)) {
      throw problem("expected a single value here");
    }
    return scalar.getValue();
  }

  String nonBlankText(String what) {
    String text = text().strip();
    if (text.isEmpty()) {
      throw problem(what + " is empty");
    }
    return text;
  }

  int integer(String what) {
    String text = text().strip();
    try {
      return Integer.parseInt(text);
    } catch (NumberFormatException e) {
      throw problem(what + " must be a whole number but was '" + text + "'");
    }
  }
}
