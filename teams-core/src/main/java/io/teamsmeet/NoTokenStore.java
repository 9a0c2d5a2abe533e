package io.teamsmeet;

import io.teamsmeet.store.StoredGrant;
import io.teamsmeet.store.TokenStore;
import java.util.Optional;

/**
 * The token store of an instance built without one, for application mode only: every delegated
 * operation fails with {@link #missing()} before it reaches this store, and this store fails the
 * same way if anything reaches it anyway. Stateless.
 */
final class NoTokenStore implements TokenStore {

  static final NoTokenStore INSTANCE = new NoTokenStore();

  private NoTokenStore() {}

  /** The failure of a delegated operation on an instance without a token store. */
  static IllegalStateException missing() {
    return new IllegalStateException(
        "this TeamsMeetings was built without a tokenStore, for application mode only"
            + " (forTenant, beginAdminConsent, completeAdminConsent): delegated operations"
            + " (beginConnect, completeConnect, status, disconnect, reseal, accessToken,"
            + " meetings(), events()) need TeamsMeetings.builder().tokenStore(...)");
  }

  @Override
  public Optional<StoredGrant> load(String userId) {
    throw missing();
  }

  @Override
  public boolean save(StoredGrant grant, long expectedVersion) {
    throw missing();
  }

  @Override
  public boolean delete(String userId, long expectedVersion) {
    throw missing();
  }

  @Override
  public String toString() {
    return "NoTokenStore";
  }
}
