/**
 * The SDK's managed tokens for the Microsoft Graph Java SDK: {@link
 * io.teamsmeet.graph.TeamsAccessTokenProvider}.
 */
package io.teamsmeet.graph;
