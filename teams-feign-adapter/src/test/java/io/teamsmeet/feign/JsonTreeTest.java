package io.teamsmeet.feign;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * {@link Json#parse} builds its trees from the streaming parser's tokens instead of going through
 * an {@link ObjectMapper} (issue 19, cold start): it must give what {@code readTree} gives, node
 * type for node type and field order for field order, or fail where it fails.
 */
class JsonTreeTest {

  /** Jackson's own tree reading with default settings, the reference. */
  private static final ObjectMapper JACKSON = new ObjectMapper();

  @Test
  void everyKindOfValueIsTheNodeReadTreeMakes() throws IOException {
    String body =
        "{\"int\":7,\"negative\":-2147483648,\"long\":2147483648,\"minLong\":-9223372036854775808,"
            + "\"bigInteger\":123456789012345678901234567890,\"double\":1.5e300,\"negZero\":-0.0,"
            + "\"fraction\":0.1,\"huge\":1e400,\"tiny\":1e-400,\"true\":true,\"false\":false,"
            + "\"null\":null,\"text\":\"a\\/b\\ud83d\\ude00\\u00e9\\n\",\"empty\":\"\","
            + "\"array\":[1,2.5,[],{},[[null]],\"x\"],\"object\":{\"nested\":{\"deeper\":[{}]}},"
            + "\"dup\":1,\"other\":2,\"dup\":\"last\",\"\":\"empty name\"}";

    JsonNode ours = Json.parse(bytes(body));

    assertSame(ours, JACKSON.readTree(bytes(body)));
    assertThat(ours.get("int").isInt()).isTrue();
    assertThat(ours.get("long").isLong()).isTrue();
    assertThat(ours.get("bigInteger").isBigInteger()).isTrue();
    assertThat(ours.get("double").isDouble()).isTrue();
    assertThat(ours.get("huge").doubleValue()).isInfinite();
    assertThat(ours.get("null").isNull()).isTrue();
    assertThat(ours.get("dup").asText()).isEqualTo("last");
    assertThat(fieldNames(ours)).startsWith("int", "negative", "long");
    assertThat(fieldNames(ours).indexOf("dup")).isLessThan(fieldNames(ours).indexOf("other"));
  }

  @Test
  void rootsThatAreNotObjectsAreReadAsReadTreeReadsThem() throws IOException {
    for (String body :
        List.of(
            "[]",
            "[1,{\"a\":[true]}]",
            "\"text\"",
            "42",
            "-1.25",
            "true",
            "false",
            "null",
            " 7 ",
            "{}",
            "{\"a\":1} trailing garbage",
            "[1] ]",
            "\"x\" \"y\"")) {
      assertSame(Json.parse(bytes(body)), JACKSON.readTree(bytes(body)));
    }
  }

  @Test
  void emptyAndBlankInputAreMissing() throws IOException {
    for (String body : List.of("", " ", " \r\n\t ")) {
      assertThat(Json.parse(bytes(body)).isMissingNode()).as("'%s'", body).isTrue();
      assertThat(JACKSON.readTree(bytes(body)).isMissingNode()).isTrue();
    }
    assertThat(Json.parse(null).isMissingNode()).isTrue();
  }

  @Test
  void nestingIsBoundedByTheParsersLimitAsForReadTree() throws IOException {
    String ok = "[".repeat(999) + "]".repeat(999);
    assertSame(Json.parse(bytes(ok)), JACKSON.readTree(bytes(ok)));
    String tooDeep = "{\"a\":".repeat(1001) + "1" + "}".repeat(1001);
    assertThat(outcome(bytes(tooDeep))).isEqualTo(jacksonOutcome(bytes(tooDeep)));
    assertThat(outcome(bytes(tooDeep))).asString().startsWith("failed: ");
  }

  @Test
  void malformedInputFailsWhereReadTreeFailsAndNamesNoSourceText() {
    for (String body :
        List.of(
            "{",
            "{\"a\":}",
            "{\"a\" 1}",
            "[1,]",
            "{\"secret-token\":tru}",
            "{\"a\":\"unterminated",
            "}",
            "]",
            "{\"a\":01}",
            "{\"a\":\"\u0001\"}",
            "{\"a\":1,,}",
            "{'a':1}",
            "[NaN]")) {
      String ours = outcome(bytes(body));
      assertThat(ours).as(body).isEqualTo(jacksonOutcome(bytes(body))).startsWith("failed: ");
    }
    String secret = "{\"token\":\"eyJ0eXAiOiJKV1QiLCJhbGciOiJSUzI1NiJ9.secret-part\" oops}";
    Throwable thrown = failure(bytes(secret));
    assertThat(thrown).isInstanceOf(IOException.class);
    assertThat(thrown.getMessage()).doesNotContain("secret-part");
  }

  /**
   * Every truncation of Graph's full-size meeting and event and thousands of random mutations
   * (punctuation, control characters, invalid UTF-8, inserted and deleted bytes) give the same tree
   * as {@code readTree}, or fail where it fails.
   */
  @Test
  void everyTruncationAndMutationOfGraphsAnswersReadsAsReadTreeReadsIt() {
    for (String body : List.of(SkippedFieldsTest.FULL_MEETING, SkippedFieldsTest.EVENT)) {
      byte[] bytes = bytes(body);
      for (int n = 0; n <= bytes.length; n++) {
        byte[] cut = Arrays.copyOf(bytes, n);
        assertThat(outcome(cut)).as("cut at %d", n).isEqualTo(jacksonOutcome(cut));
      }
      Random random = new Random(1919);
      byte[] alphabet = bytes("{}[]:,\"\\ \u0001nt0-1e.aZ+E9");
      int valid = 0;
      for (int i = 0; i < 4000; i++) {
        byte[] mutant = bytes.clone();
        for (int k = 1 + random.nextInt(3); k > 0; k--) {
          int at = random.nextInt(mutant.length);
          int r = random.nextInt(10);
          byte b =
              r < 7
                  ? alphabet[random.nextInt(alphabet.length)]
                  : (byte) (0x80 + random.nextInt(0x80));
          if (r == 9) {
            mutant = splice(mutant, at, 1, new byte[0]);
          } else if (r == 8) {
            mutant = splice(mutant, at, 0, new byte[] {b});
          } else {
            mutant[at] = b;
          }
        }
        String ours = outcome(mutant);
        assertThat(ours).as("mutant %d", i).isEqualTo(jacksonOutcome(mutant));
        valid += ours.startsWith("failed: ") ? 0 : 1;
      }
      // the mutations must exercise both sides: some still parse, some do not
      assertThat(valid).isBetween(100, 3900);
    }
  }

  private static void assertSame(JsonNode ours, JsonNode jackson) {
    assertThat(ours).isEqualTo(jackson);
    assertThat(ours.getClass()).isEqualTo(jackson.getClass());
    // equals ignores field order and treats no node types loosely; toString shows both
    assertThat(ours.toString()).isEqualTo(jackson.toString());
    assertThat(types(ours)).isEqualTo(types(jackson));
  }

  /** Every node's class, depth first, in field order. */
  private static List<String> types(JsonNode node) {
    List<String> out = new ArrayList<>();
    out.add(node.getClass().getSimpleName());
    node.elements().forEachRemaining(child -> out.addAll(types(child)));
    return out;
  }

  private static List<String> fieldNames(JsonNode node) {
    List<String> names = new ArrayList<>();
    node.fieldNames().forEachRemaining(names::add);
    return names;
  }

  /** The tree with its node types, or "failed: " and the exception's type family. */
  private static String outcome(byte[] bytes) {
    try {
      JsonNode node = Json.parse(bytes);
      return node.toString() + " " + types(node);
    } catch (IOException e) {
      return "failed: " + family(e);
    }
  }

  private static String jacksonOutcome(byte[] bytes) {
    try {
      JsonNode node = JACKSON.readTree(bytes);
      return node.toString() + " " + types(node);
    } catch (IOException e) {
      return "failed: " + family(e);
    }
  }

  private static Throwable failure(byte[] bytes) {
    try {
      Json.parse(bytes);
      return null;
    } catch (IOException e) {
      return e;
    }
  }

  /** Parse errors of the tokenizer and of the reader both count as "not valid JSON". */
  private static String family(IOException e) {
    return e instanceof com.fasterxml.jackson.core.JsonProcessingException
        ? "JsonProcessingException"
        : e.getClass().getName();
  }

  private static byte[] splice(byte[] in, int at, int remove, byte[] insert) {
    byte[] out = new byte[in.length - remove + insert.length];
    System.arraycopy(in, 0, out, 0, at);
    System.arraycopy(insert, 0, out, at, insert.length);
    System.arraycopy(in, at + remove, out, at + insert.length, in.length - at - remove);
    return out;
  }

  private static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }
}
