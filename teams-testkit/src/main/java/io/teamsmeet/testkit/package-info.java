/**
 * What an application needs to test its integration of teams-meetings without Microsoft: the
 * {@link io.teamsmeet.testkit.TokenStoreContract} that any {@code TokenStore} must pass.
 */
package io.teamsmeet.testkit;
