package io.teamsmeet.tokenstore.memory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.teamsmeet.store.StoredGrant;
import io.teamsmeet.store.TokenStore;
import io.teamsmeet.testkit.TokenStoreContract;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class InMemoryTokenStoreTest extends TokenStoreContract {

  @Override
  protected TokenStore createStore() {
    return new InMemoryTokenStore();
  }

  @Test
  void aGrantWhoseVersionEqualsTheExpectedOneIsRejected() {
    StoredGrant grant = new StoredGrant("u", 5, new byte[] {1}, Instant.EPOCH);
    assertThatThrownBy(() -> store().save(grant, 5))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("grant.version");
  }

  @Test
  void toStringShowsOnlyTheCount() {
    store().save(new StoredGrant("u", 1, "SECRET".getBytes(), Instant.EPOCH), TokenStore.ABSENT);
    assertThat(store().toString()).isEqualTo("InMemoryTokenStore[1 grants]");
  }
}
