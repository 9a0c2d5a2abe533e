/**
 * For store implementers: {@link io.teamsmeet.store.TokenStore}, the one interface a store of your
 * own implements (three methods: load, compare-and-set save, compare-and-set delete), the {@link
 * io.teamsmeet.store.StoredGrant} it keeps, and the {@link io.teamsmeet.store.TokenStoreException}
 * it throws when its storage fails. A store only ever receives ciphertext; it needs no key.
 *
 * <p>{@code teams-tokenstore-jdbc} and {@code teams-tokenstore-memory} implement it; {@code
 * TokenStoreContract} in {@code teams-testkit} proves that a store of your own keeps its promises.
 */
package io.teamsmeet.store;
