package io.teamsmeet.feign;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Windows time zone names (what Outlook stores, {@code "W. Europe Standard Time"}) to IANA zones
 * and back, from the golden ({@code territory="001"}) rows of CLDR's {@code windowsZones.xml} in
 * {@code windows-zones.txt} beside this class (source and licence in its header). Loaded once on
 * first use; immutable and thread-safe.
 */
final class WindowsZones {

  private static final Map<String, ZoneId> TO_ZONE = new HashMap<>();
  private static final Map<String, String> TO_WINDOWS = new HashMap<>();

  static {
    try (InputStream in = WindowsZones.class.getResourceAsStream("windows-zones.txt")) {
      if (in == null) {
        throw new IllegalStateException("windows-zones.txt is missing from teams-feign-adapter");
      }
      BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      for (String line; (line = reader.readLine()) != null; ) {
        if (line.isBlank() || line.startsWith("#")) {
          continue;
        }
        int bar = line.indexOf('|');
        String windows = line.substring(0, bar).strip();
        String iana = line.substring(bar + 1).strip();
        try {
          ZoneId zone = ZoneId.of(iana);
          TO_ZONE.put(windows.toLowerCase(Locale.ROOT), zone);
          TO_WINDOWS.putIfAbsent(zone.getId(), windows);
        } catch (DateTimeException e) {
          // a zone this JDK's tzdb does not know: leave it out
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private WindowsZones() {}

  /**
   * The zone Graph named: a Windows name, an IANA name, or {@code UTC}; empty for a name neither
   * knows ({@code "tzone://Microsoft/Custom"}, {@code "Customized Time Zone"}).
   */
  static Optional<ZoneId> toZone(String name) {
    if (name == null || name.isBlank()) {
      return Optional.empty();
    }
    String n = name.strip();
    if (n.equalsIgnoreCase("UTC") || n.equalsIgnoreCase("tzone://Microsoft/Utc")) {
      return Optional.of(ZoneOffset.UTC);
    }
    ZoneId windows = TO_ZONE.get(n.toLowerCase(Locale.ROOT));
    if (windows != null) {
      return Optional.of(windows);
    }
    try {
      return Optional.of(ZoneId.of(n));
    } catch (DateTimeException e) {
      return Optional.empty();
    }
  }

  /**
   * The name to send Graph for a zone: {@code UTC}, the Windows name when the zone is a golden zone
   * of one, else the IANA id (which Graph accepts for most zones). A fixed offset other than UTC
   * has no name: the caller sends UTC times instead.
   */
  static Optional<String> toGraph(ZoneId zone) {
    ZoneId z = zone.normalized();
    if (z.equals(ZoneOffset.UTC) || zone.getId().equals("Etc/UTC") || zone.getId().equals("UTC")) {
      return Optional.of("UTC");
    }
    if (z instanceof ZoneOffset) {
      return Optional.empty();
    }
    return Optional.of(TO_WINDOWS.getOrDefault(zone.getId(), zone.getId()));
  }

  static int size() {
    return TO_ZONE.size();
  }
}
