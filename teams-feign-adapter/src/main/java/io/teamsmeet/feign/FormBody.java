package io.teamsmeet.feign;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * An {@code application/x-www-form-urlencoded} body, fields in the order added.
 *
 * <p>It holds codes, verifiers, refresh tokens and client credentials, so {@link #toString()} lists
 * the field names only.
 */
final class FormBody {

  private final List<String[]> fields = new ArrayList<>();

  FormBody add(String name, String value) {
    fields.add(new String[] {name, value});
    return this;
  }

  /** The encoded body: {@code name=value&...}, each part form-encoded in UTF-8. */
  String encode() {
    StringBuilder sb = new StringBuilder();
    for (String[] f : fields) {
      if (sb.length() > 0) {
        sb.append('&');
      }
      sb.append(URLEncoder.encode(f[0], StandardCharsets.UTF_8))
          .append('=')
          .append(URLEncoder.encode(f[1], StandardCharsets.UTF_8));
    }
    return sb.toString();
  }

  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder("FormBody[");
    for (int i = 0; i < fields.size(); i++) {
      sb.append(i == 0 ? "" : ", ").append(fields.get(i)[0]).append("=[redacted]");
    }
    return sb.append(']').toString();
  }
}
