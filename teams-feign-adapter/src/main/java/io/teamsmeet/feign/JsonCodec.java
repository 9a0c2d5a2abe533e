package io.teamsmeet.feign;

import feign.RequestTemplate;
import feign.codec.Encoder;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;

/**
 * Writes request bodies: {@link FormBody} form-encoded, a {@link GraphBodies.Body} with its own
 * streaming writer, anything else as JSON through data binding.
 */
final class JsonCodec implements Encoder {

  static final JsonCodec INSTANCE = new JsonCodec();

  private JsonCodec() {}

  @Override
  public void encode(Object object, Type bodyType, RequestTemplate template) {
    if (object instanceof FormBody form) {
      template.body(form.encode().getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8);
    } else if (object instanceof GraphBodies.Body body) {
      template.body(Json.write(body), StandardCharsets.UTF_8);
    } else {
      template.body(Json.write(object), StandardCharsets.UTF_8);
    }
  }
}
