/** JMH benchmarks for Gatehouse; results and commands in {@code docs/benchmarks.md}. */
package io.gatehouse.bench;
