package io.teamsmeet;

import io.teamsmeet.store.TokenStore;

/**
 * The rules for an application user id, checked by every public method of {@link MeetingService}
 * that takes one, before anything else happens: not blank, at most {@link
 * TokenStore#MAX_USER_ID_UTF8_BYTES} bytes in UTF-8 (what every store must accept), and no
 * character that {@link SafeText} would escape (user ids go into log lines and messages as they
 * are). The id itself is never echoed in the error.
 */
final class UserIds {

  private static final int MAX = TokenStore.MAX_USER_ID_UTF8_BYTES;

  private UserIds() {}

  /**
   * @throws IllegalArgumentException naming {@code userId} and the rule it breaks
   */
  static void require(String userId) {
    if (userId == null || userId.isBlank()) {
      throw new IllegalArgumentException("userId must not be null or blank");
    }
    // every char is at least one byte, so a longer string cannot fit: no need to scan it all
    if (userId.length() > MAX || utf8Length(userId) > MAX) {
      throw new IllegalArgumentException(
          "userId must be at most "
              + MAX
              + " bytes in UTF-8 (TokenStore.MAX_USER_ID_UTF8_BYTES), was "
              + (userId.length() > 4 * MAX ? "more than " + 4 * MAX : utf8Length(userId)));
    }
    if (!SafeText.isClean(userId)) {
      throw new IllegalArgumentException(
          "userId must not contain control characters (C0, C1, DEL), U+2028, U+2029,"
              + " bidirectional controls or unpaired surrogates");
    }
  }

  /** The length of the UTF-8 encoding of {@code text}, which holds no unpaired surrogate here. */
  static int utf8Length(String text) {
    int bytes = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c < 0x80) {
        bytes += 1;
      } else if (c < 0x800) {
        bytes += 2;
      } else if (Character.isHighSurrogate(c)
          && i + 1 < text.length()
          && Character.isLowSurrogate(text.charAt(i + 1))) {
        bytes += 4;
        i++;
      } else {
        bytes += 3;
      }
    }
    return bytes;
  }
}
