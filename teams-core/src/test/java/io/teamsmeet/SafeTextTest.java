package io.teamsmeet;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** What {@link SafeText} escapes and what it keeps. */
class SafeTextTest {

  /** Every character that must never reach a message, a log line or a terminal raw. */
  static boolean isUnsafe(char c) {
    return c < 0x20
        || (c >= 0x7F && c <= 0x9F)
        || c == 0x061C
        || c == 0x200E
        || c == 0x200F
        || (c >= 0x2028 && c <= 0x202E)
        || (c >= 0x2066 && c <= 0x2069);
  }

  @Test
  void everyControlSeparatorAndBidiControlIsEscapedVisibly() {
    for (char c = 0; c < 0xFFFF; c++) {
      if (Character.isSurrogate(c)) {
        continue;
      }
      String escaped = SafeText.of("a" + c + "b");
      if (isUnsafe(c)) {
        assertThat(escaped).isEqualTo("a\\u" + String.format("%04X", (int) c) + "b");
      } else {
        assertThat(escaped).isEqualTo("a" + c + "b");
      }
    }
  }

  @Test
  void anAnsiColourAForgedLogLineAndAReversedFileNameBecomeOneVisibleLine() {
    String hostile = "\u001b[31mred\r\n2026-01-01 INFO fake log line\u2028\u202Eexe.txt\u2029";

    assertThat(SafeText.of(hostile))
        .isEqualTo(
            "\\u001B[31mred\\u000D\\u000A2026-01-01 INFO fake log line\\u2028\\u202Eexe.txt\\u2029");
  }

  @Test
  void printableTextIsKeptAsIsIncludingAccentsScriptsAndEmoji() {
    for (String text :
        List.of("", "Ana Souza", "Zoë Müller-Łukasz", "日本語の会議", "مرحبا", "🙂 review 👍")) {
      assertThat(SafeText.of(text)).isSameAs(text);
    }
    assertThat(SafeText.of(null)).isNull();
  }

  @Test
  void unpairedSurrogatesAreEscapedButPairsKept() {
    assertThat(SafeText.of("x\uD83Dy")).isEqualTo("x\\uD83Dy");
    assertThat(SafeText.of("x\uDE42y")).isEqualTo("x\\uDE42y");
    assertThat(SafeText.of("x\uDE42\uD83D")).isEqualTo("x\\uDE42\\uD83D");
    assertThat(SafeText.of("\uD83D\uDE42")).isEqualTo("\uD83D\uDE42");
  }
}
