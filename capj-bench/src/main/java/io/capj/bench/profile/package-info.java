/**
 * Reading profiles of benchmark runs: turns a JDK Flight Recorder file's CPU samples into a short
 * where-does-the-time-go table (by layer, by thread, by capj method), so that a benchmark report can back
 * its hotspot claims with counts. Reads recordings only; it never attaches to or changes a running process.
 */
package io.capj.bench.profile;
