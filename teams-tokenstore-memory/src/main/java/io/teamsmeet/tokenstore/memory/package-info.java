/** A {@link io.teamsmeet.store.TokenStore} in process memory. */
package io.teamsmeet.tokenstore.memory;
