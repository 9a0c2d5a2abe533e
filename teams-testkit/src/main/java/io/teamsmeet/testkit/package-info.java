/**
 * What an application needs to test its integration of teams-meetings without Microsoft.
 *
 * <ul>
 *   <li>{@link io.teamsmeet.testkit.FakeMicrosoft}: a local, stateful fake of the Microsoft
 *       identity platform and of Graph's onlineMeetings, with faults on demand ({@link
 *       io.teamsmeet.testkit.Faults}) and a {@link io.teamsmeet.testkit.Journal} of what it
 *       received;
 *   <li>{@link io.teamsmeet.testkit.FakeMicrosoftExtension}: runs one for a JUnit 5 test class;
 *   <li>{@link io.teamsmeet.testkit.TokenStoreContract}: the tests any {@code TokenStore} must
 *       pass.
 * </ul>
 */
package io.teamsmeet.testkit;
