/**
 * JMH benchmarks of teams-meetings for Java; see {@link
 * io.teamsmeet.benchmarks.JdbcTokenStoreBenchmark} for how to run them. Nothing here is run by the
 * build.
 */
package io.teamsmeet.benchmarks;
