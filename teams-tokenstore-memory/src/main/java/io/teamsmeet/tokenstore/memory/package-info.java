/** A {@link io.teamsmeet.core.port.TokenStore} in process memory. */
package io.teamsmeet.tokenstore.memory;
