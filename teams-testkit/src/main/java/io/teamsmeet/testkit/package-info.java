/**
 * What an application needs to test its integration of teams-meetings without Microsoft.
 *
 * <ul>
 *   <li>{@link io.teamsmeet.testkit.FakeMicrosoft}: a local, stateful fake of the Microsoft
 *       identity platform and of Graph's onlineMeetings, with faults on demand ({@link
 *       io.teamsmeet.testkit.Faults}) and a {@link io.teamsmeet.testkit.Journal} of what it
 *       received;
 *   <li>{@link io.teamsmeet.testkit.FakeMicrosoftExtension}: runs one for a JUnit 5 test class;
 *   <li>{@link io.teamsmeet.testkit.FakeClock}: the fake's clock, or one on its own; as the SDK's
 *       clock it also drives the SDK's retry waits, so a long {@code Retry-After} passes at once;
 *   <li>{@link io.teamsmeet.testkit.TokenStoreContract}: the tests any {@code TokenStore} must
 *       pass.
 * </ul>
 */
package io.teamsmeet.testkit;
