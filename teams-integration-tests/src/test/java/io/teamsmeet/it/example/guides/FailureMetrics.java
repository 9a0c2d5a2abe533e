package io.teamsmeet.it.example.guides;

import io.teamsmeet.AuthorizationException;
import io.teamsmeet.ConfigurationException;
import io.teamsmeet.OutcomeUnknownException;
import io.teamsmeet.PermissionDeniedException;
import io.teamsmeet.ReauthorizationRequiredException;
import io.teamsmeet.ReauthorizationRequiredException.Reason;
import io.teamsmeet.TeamsServiceException;
import io.teamsmeet.ThrottledException;
import io.teamsmeet.store.TokenStoreException;

public class FailureMetrics {

  /** A metric tag per failure; the comment says when to page someone. */
  static String tag(RuntimeException e) {
    if (e instanceof ConfigurationException) {
      return "configuration";           // page at once: every user is affected (expired secret...)
    }
    if (e instanceof ReauthorizationRequiredException r) {
      return r.reason() == Reason.STORED_TOKEN_UNREADABLE
          ? "keys"                      // page at once: an instance lacks a key of the keyset
          : "reconnect";                // normal per user; alert on a jump in the rate
    }
    if (e instanceof TokenStoreException) {
      return "store";                   // alert on rate: your database
    }
    if (e instanceof ThrottledException) {
      return "throttled";               // alert when sustained: lower your concurrency
    }
    if (e instanceof OutcomeUnknownException) {
      return "outcome-unknown";         // count; each is a meeting that may exist
    }
    if (e instanceof PermissionDeniedException) {
      return "permission";              // per user (licence, policy); alert on a jump
    }
    if (e instanceof TeamsServiceException) {
      return "microsoft";               // alert on rate: Microsoft or the network
    }
    if (e instanceof AuthorizationException) {
      return "connect";                 // users' sign-ins; a jump in admin consent: tenant policy
    }
    return "other";                     // IllegalStateException after close(): shutdown order
  }
}
