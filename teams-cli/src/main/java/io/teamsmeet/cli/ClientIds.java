package io.teamsmeet.cli;

import java.util.regex.Pattern;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * The app registration's Application (client) id: a GUID, as Microsoft Entra issues it. Checked
 * when the command line is parsed ({@code --client-id}: a usage error) and when the settings are
 * resolved ({@code TEAMS_CLIENT_ID}, {@code client-id} in the config file: a configuration error
 * naming where it came from), so that a command never waits for a sign-in that cannot work. The
 * value itself is never repeated: a secret pasted into the wrong place must not be printed.
 */
final class ClientIds implements ITypeConverter<String> {

  private static final Pattern GUID =
      Pattern.compile(
          "[0-9A-Fa-f]{8}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{12}");

  static final String NOT_ONE =
      "not an Application (client) id: use the GUID shown as 'Application (client) ID' on the app"
          + " registration's Overview in the Microsoft Entra admin center, like"
          + " 11111111-2222-3333-4444-555555555555";

  static boolean isGuid(String value) {
    return value != null && GUID.matcher(value.strip()).matches();
  }

  @Override
  public String convert(String value) {
    if (!isGuid(value)) {
      throw new TypeConversionException(NOT_ONE);
    }
    return value.strip();
  }
}
