/**
 * Benchmarks and load drivers for mixtape, run with {@code ./mixtape bench <recommend|http|import>}
 * (see {@link dev.mixtape.bench.BenchMain} and docs/BENCHMARKS.md). Nothing in this module runs
 * during the Maven build.
 */
package dev.mixtape.bench;
