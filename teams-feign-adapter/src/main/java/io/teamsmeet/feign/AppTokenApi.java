package io.teamsmeet.feign;

import feign.Headers;
import feign.Param;
import feign.RequestLine;
import io.teamsmeet.feign.TokenResponseDecoder.TokenAnswer;

/**
 * The identity platform's token endpoint of any tenant, for the client-credentials grant; the
 * target URL is the identity root. The tenant is passed already percent-encoded.
 */
interface AppTokenApi {

  @RequestLine(value = "POST /{tenant}/oauth2/v2.0/token", decodeSlash = false)
  @Headers("Content-Type: application/x-www-form-urlencoded")
  TokenAnswer token(@Param("tenant") String tenant, FormBody form);
}
