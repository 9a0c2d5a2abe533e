package io.teamsmeet.feign;

import feign.Headers;
import feign.RequestLine;
import io.teamsmeet.feign.TokenResponseDecoder.TokenAnswer;

/** The identity platform's token endpoint; the target URL ends in {@code /{tenant}/oauth2/v2.0}. */
interface IdentityApi {

  @RequestLine("POST /token")
  @Headers("Content-Type: application/x-www-form-urlencoded")
  TokenAnswer token(FormBody form);
}
