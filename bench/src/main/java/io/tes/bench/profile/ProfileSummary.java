package io.tes.bench.profile;

import java.util.List;

/**
 * The hot path at saturation, summarized from a JFR recording of the data plane: where the CPU
 * samples landed (self and inclusive), which threads took them, where threads sat in native code
 * (fsync lives there), where memory was allocated, and how long the GC paused.
 */
public record ProfileSummary(
    String status,
    String recording,
    long executionSamples,
    long nativeSamples,
    List<Frame> topSelf,
    List<Frame> byComponent,
    List<Frame> topInclusiveTes,
    List<Frame> byThread,
    List<Frame> topNative,
    List<Frame> topAllocation,
    double gcPauseMillis,
    long gcCount,
    String note) {

  /** A method (or thread) and its share of the samples. */
  public record Frame(String name, long samples, double percent) {}

  public static ProfileSummary notRecorded(String status, String why) {
    return new ProfileSummary(
        status, null, 0, 0, List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), 0, 0,
        why);
  }
}
