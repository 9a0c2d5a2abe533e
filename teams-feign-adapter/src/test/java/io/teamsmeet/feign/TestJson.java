package io.teamsmeet.feign;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.UncheckedIOException;

/**
 * Jackson data binding for the tests: building answers and tokens to serve, and the reference the
 * request bodies' own writers are compared with (the adapter itself binds nothing, {@link Json}).
 */
final class TestJson {

  /** Null fields left out, as Graph's request bodies leave them out. */
  static final ObjectMapper MAPPER =
      JsonMapper.builder(Json.FACTORY)
          .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
          .serializationInclusion(JsonInclude.Include.NON_NULL)
          .build();

  private TestJson() {}

  static byte[] write(Object value) {
    try {
      return MAPPER.writeValueAsBytes(value);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }
}
