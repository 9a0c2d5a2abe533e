package io.teamsmeet.feign;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The adapter's JSON: trees read with Jackson's streaming parser, bodies written with its
 * generator, and the lenient readers used on Microsoft's responses.
 *
 * <p>Responses are read as a tree and mapped field by field: an unknown field is ignored, a field
 * that is missing, null or of an unexpected type is absent, never an error. Parse errors never copy
 * source text into their messages.
 *
 * <p>No {@link ObjectMapper} is on the path of a request: the tree is built here from the parser's
 * tokens with the same node types {@code ObjectMapper.readTree} gives (a test compares the two on
 * thousands of inputs). Setting up a mapper and its tree deserializer costs a fresh JVM about 100
 * ms of its cold start (issue 19: 135 ms against 33 ms for this reader, first 5 KB meeting). The
 * adapter uses no data binding at all: its request bodies write themselves ({@link
 * GraphBodies.Body}).
 */
final class Json {

  /** The factory of every parser and generator; no source text in error locations. */
  static final JsonFactory FACTORY =
      JsonFactory.builder().disable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION).build();

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private Json() {}

  /**
   * Parses bytes to a tree, as {@code ObjectMapper.readTree} would; empty input gives {@link
   * MissingNode}.
   */
  static JsonNode parse(byte[] bytes) throws IOException {
    if (bytes == null || bytes.length == 0) {
      return MissingNode.getInstance();
    }
    try (JsonParser parser = FACTORY.createParser(bytes)) {
      JsonToken first = parser.nextToken();
      return first == null ? MissingNode.getInstance() : tree(parser, first);
    }
  }

  /**
   * Parses bytes like {@link #parse}, but when they hold an object keeps only its top-level fields
   * whose names equal one of {@code fields} ignoring case: the others are skipped by the streaming
   * parser, which checks that they are well-formed JSON but builds no tree nodes and decodes no
   * strings for them.
   *
   * <p>It exists because Graph's answers are mostly fields the SDK never reads: issue 19's profile
   * of a full-size onlineMeeting (about 5 KB, with {@code joinInformation}'s 2 KB percent-encoded
   * invitation) had response decoding at about 20 % of the client's CPU and a third of its
   * allocated bytes. Skipping them takes a decode of that answer from 26.8 to 21.9 KB allocated
   * (JsonBenchmark); its time hardly changes, as the tokenizer still reads every byte.
   *
   * <p>Everything else is as with {@link #parse}: a kept field's value is read as {@code readTree}
   * reads it ({@code NullNode} for null), a duplicate key keeps the last value (in the first one's
   * place), content after the object is not read, and input that is empty or not an object is
   * parsed in full, so its outcome ({@link MissingNode}, another node, an exception) is unchanged.
   * Malformed JSON anywhere, skipped fields included, throws.
   *
   * @param fields the names to keep; matched case-insensitively, so the reader decides whether the
   *     case matters
   */
  static JsonNode parseFields(byte[] bytes, Fields fields) throws IOException {
    if (bytes == null || bytes.length == 0) {
      return MissingNode.getInstance();
    }
    try (JsonParser parser = FACTORY.createParser(bytes)) {
      JsonToken first = parser.nextToken();
      if (first != JsonToken.START_OBJECT) {
        return first == null ? MissingNode.getInstance() : tree(parser, first);
      }
      ObjectNode object = NODES.objectNode();
      // inside an object the parser returns a field name (null at END_OBJECT), or throws
      for (String name = parser.nextFieldName(); name != null; name = parser.nextFieldName()) {
        JsonToken value = parser.nextToken();
        if (fields.contains(name)) {
          object.replace(name, tree(parser, value));
        } else {
          parser.skipChildren();
        }
      }
      return object;
    }
  }

  /**
   * The value starting at {@code token} (the parser's current token) as the node {@code
   * ObjectMapper.readTree} makes of it with default settings: ints, longs and big integers by size,
   * decimals as doubles, a duplicate key's last value in the first one's place. Nesting is bounded
   * by the parser's own limit (1 000 levels by default), so the recursion is too.
   */
  private static JsonNode tree(JsonParser parser, JsonToken token) throws IOException {
    switch (token) {
      case START_OBJECT:
        ObjectNode object = NODES.objectNode();
        for (String name = parser.nextFieldName(); name != null; name = parser.nextFieldName()) {
          object.replace(name, tree(parser, parser.nextToken()));
        }
        return object;
      case START_ARRAY:
        ArrayNode array = NODES.arrayNode();
        for (JsonToken item = parser.nextToken();
            item != JsonToken.END_ARRAY;
            item = parser.nextToken()) {
          array.add(tree(parser, item));
        }
        return array;
      case VALUE_STRING:
        return NODES.textNode(parser.getText());
      case VALUE_NUMBER_INT:
        switch (parser.getNumberType()) {
          case INT:
            return NODES.numberNode(parser.getIntValue());
          case LONG:
            return NODES.numberNode(parser.getLongValue());
          default:
            return NODES.numberNode(parser.getBigIntegerValue());
        }
      case VALUE_NUMBER_FLOAT:
        return NODES.numberNode(parser.getDoubleValue());
      case VALUE_TRUE:
        return BooleanNode.TRUE;
      case VALUE_FALSE:
        return BooleanNode.FALSE;
      case VALUE_NULL:
        return NullNode.getInstance();
      default:
        // END_OBJECT/END_ARRAY out of place and FIELD_NAME are refused by the parser itself;
        // VALUE_EMBEDDED_OBJECT and NOT_AVAILABLE do not occur in JSON text read from bytes
        throw new JsonParseException(parser, "unexpected token " + token);
    }
  }

  /**
   * Top-level field names for {@link #parseFields}, matched ignoring case (a sorted set with {@link
   * String#CASE_INSENSITIVE_ORDER}: no allocation per field).
   */
  static final class Fields {

    private final List<String> names;
    private final Set<String> ignoringCase = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);

    private Fields(List<String> names) {
      this.names = names;
      ignoringCase.addAll(names);
    }

    static Fields of(String... names) {
      return new Fields(List.of(names));
    }

    List<String> names() {
      return names;
    }

    boolean contains(String name) {
      return ignoringCase.contains(name);
    }
  }

  /** Parses bytes to a tree, or {@link MissingNode} when they are not (complete) JSON. */
  static JsonNode parseOrMissing(byte[] bytes) {
    try {
      return parse(bytes);
    } catch (IOException | RuntimeException e) {
      return MissingNode.getInstance();
    }
  }

  /** Writes a body with the streaming generator, as UTF-8; no data binding. */
  static byte[] write(GraphBodies.Body body) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(512);
    try (JsonGenerator json = FACTORY.createGenerator(out)) {
      body.writeTo(json);
    } catch (IOException e) {
      // Only our own request records are written, to memory; this cannot happen with them.
      throw new IllegalStateException("could not write a request body as JSON");
    }
    return out.toByteArray();
  }

  /** The field's value when it is an object, else {@link MissingNode}. */
  static JsonNode object(JsonNode node, String field) {
    JsonNode value = node == null ? null : node.get(field);
    return value != null && value.isObject() ? value : MissingNode.getInstance();
  }

  /** The field's value, matching its name case-insensitively (exact case first). */
  static JsonNode fieldIgnoreCase(JsonNode node, String field) {
    if (node == null || !node.isObject()) {
      return MissingNode.getInstance();
    }
    JsonNode exact = node.get(field);
    if (exact != null) {
      return exact;
    }
    for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      if (e.getKey().equalsIgnoreCase(field)) {
        return e.getValue();
      }
    }
    return MissingNode.getInstance();
  }

  /** A scalar field as text; absent when missing, null, blank, an object or an array. */
  static Optional<String> text(JsonNode node, String field) {
    return scalar(node == null ? null : node.get(field));
  }

  /** Like {@link #text} with a case-insensitive field name. */
  static Optional<String> textIgnoreCase(JsonNode node, String field) {
    return scalar(fieldIgnoreCase(node, field));
  }

  static Optional<String> scalar(JsonNode value) {
    if (value == null || !value.isValueNode() || value.isNull()) {
      return Optional.empty();
    }
    String text = value.asText();
    return text == null || text.isBlank() ? Optional.empty() : Optional.of(text.strip());
  }

  /**
   * A field as a boolean: a JSON boolean, or the text {@code true}/{@code false} in any case;
   * absent for anything else.
   */
  static Optional<Boolean> bool(JsonNode node, String field) {
    JsonNode value = node == null ? null : node.get(field);
    if (value != null && value.isBoolean()) {
      return Optional.of(value.booleanValue());
    }
    return scalar(value)
        .filter(t -> t.equalsIgnoreCase("true") || t.equalsIgnoreCase("false"))
        .map(Boolean::parseBoolean);
  }

  /** A field holding an array of strings (or a single string) as a list; non-text items skipped. */
  static List<String> texts(JsonNode node, String field) {
    JsonNode value = fieldIgnoreCase(node, field);
    List<String> out = new ArrayList<>();
    if (value.isArray()) {
      for (JsonNode item : value) {
        scalar(item).ifPresent(out::add);
      }
    } else {
      scalar(value).ifPresent(out::add);
    }
    return out;
  }
}
