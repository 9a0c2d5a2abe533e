package io.teamsmeet.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.CharacterEscapes;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.teamsmeet.Attendee;
import io.teamsmeet.Connection;
import io.teamsmeet.DialIn;
import io.teamsmeet.Meeting;
import io.teamsmeet.SafeText;
import java.time.Instant;
import java.util.Collection;
import java.util.Optional;
import java.util.TreeSet;

/**
 * The {@code --json} objects. Each command prints exactly one object on one line; every key is
 * always present (null when Microsoft gave no value), so scripts can rely on the shape.
 *
 * <p>Strings are written so that the line is also safe on a terminal: besides the C0 controls
 * (which JSON escapes anyway), DEL, the C1 controls, U+2028, U+2029 and the bidirectional controls
 * are written as {@code \}{@code uXXXX} escapes. A JSON reader gets the exact value back.
 */
final class Json {

  static final ObjectMapper MAPPER =
      new ObjectMapper(new JsonFactory().setCharacterEscapes(new TerminalSafe()));

  /** Escapes, beyond JSON's own, every character {@link SafeText} escapes. */
  private static final class TerminalSafe extends CharacterEscapes {
    private static final long serialVersionUID = 1L;
    private final int[] ascii = standardAsciiEscapesForJSON();

    TerminalSafe() {
      ascii[0x7F] = ESCAPE_STANDARD;
    }

    @Override
    public int[] getEscapeCodesForAscii() {
      return ascii;
    }

    @Override
    public SerializableString getEscapeSequence(int ch) {
      String one = String.valueOf((char) ch);
      // surrogates come here one by one; a pair is a valid character and stays as it is
      if (Character.isSurrogate((char) ch) || SafeText.of(one).equals(one)) {
        return null;
      }
      return new SerializedString(String.format("\\u%04X", ch));
    }
  }

  private Json() {}

  static ObjectNode object() {
    return MAPPER.createObjectNode();
  }

  static String write(ObjectNode node) {
    try {
      return MAPPER.writeValueAsString(node);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write JSON", e);
    }
  }

  static void put(ObjectNode node, String key, Optional<?> value) {
    if (value.isPresent()) {
      node.put(key, value.get().toString());
    } else {
      node.putNull(key);
    }
  }

  static void put(ObjectNode node, String key, Instant value) {
    node.put(key, value.toString());
  }

  static ArrayNode strings(Collection<String> values) {
    ArrayNode array = MAPPER.createArrayNode();
    new TreeSet<>(values).forEach(array::add);
    return array;
  }

  /**
   * {@code
   * {"id","subject","start","end","joinUrl","joinMeetingId","passcode","externalId","dialIn",
   * "organizer","passcodeRequired","lobbyBypass","allowedPresenters","attendees"}}; the settings
   * use the SDK's enum names ({@code ORGANIZATION}, {@code ROLE_IS_PRESENTER}, {@code UNKNOWN}...).
   */
  static ObjectNode meeting(Meeting m) {
    ObjectNode node = object();
    node.put("id", m.id());
    put(node, "subject", m.subject());
    put(node, "start", m.start());
    put(node, "end", m.end());
    node.put("joinUrl", m.joinUrl().toString());
    put(node, "joinMeetingId", m.joinMeetingId());
    put(node, "passcode", m.passcode());
    put(node, "externalId", m.externalId());
    if (m.dialIn().isPresent()) {
      DialIn d = m.dialIn().get();
      ObjectNode dial = node.putObject("dialIn");
      put(dial, "conferenceId", d.conferenceId());
      dial.set("tollNumbers", array(d.tollNumbers()));
      dial.set("tollFreeNumbers", array(d.tollFreeNumbers()));
      put(dial, "dialInUrl", d.dialInUrl());
    } else {
      node.putNull("dialIn");
    }
    if (m.organizer().isPresent()) {
      ObjectNode organizer = node.putObject("organizer");
      put(organizer, "upn", m.organizer().get().upn());
      put(organizer, "displayName", m.organizer().get().displayName());
    } else {
      node.putNull("organizer");
    }
    put(node, "passcodeRequired", m.passcodeRequired());
    if (m.lobbyBypass().isPresent()) {
      ObjectNode lobby = node.putObject("lobbyBypass");
      lobby.put("scope", m.lobbyBypass().get().scope().name());
      lobby.put("dialInBypass", m.lobbyBypass().get().dialInBypass());
    } else {
      node.putNull("lobbyBypass");
    }
    put(node, "allowedPresenters", m.allowedPresenters());
    ArrayNode attendees = node.putArray("attendees");
    for (Attendee a : m.attendees()) {
      attendees.addObject().put("upn", a.upn()).put("role", a.role().name());
    }
    return node;
  }

  /** {@code {"user","account","tenant","scopes","connectedAt"}}. */
  static ObjectNode connection(Connection c) {
    ObjectNode node = object();
    node.put("user", c.userId());
    put(node, "account", c.accountName());
    put(node, "tenant", c.tenantId());
    node.set("scopes", strings(c.scopes()));
    put(node, "connectedAt", c.connectedAt());
    return node;
  }

  private static ArrayNode array(Collection<String> values) {
    ArrayNode array = MAPPER.createArrayNode();
    values.forEach(array::add);
    return array;
  }
}
