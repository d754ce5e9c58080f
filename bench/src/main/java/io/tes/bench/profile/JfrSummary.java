package io.tes.bench.profile;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordedThread;
import jdk.jfr.consumer.RecordingFile;

/**
 * Reads a JFR recording and counts samples per frame, only inside the measured window (warm-up and
 * shutdown are left out). Written against jdk.jfr.consumer, so no tool beyond the JDK is needed and
 * the summary is the same on every machine.
 */
public final class JfrSummary {
  private static final int TOP = 15;

  /** Package prefixes of the libraries a sample is charged to, with a readable name. */
  private static final List<Map.Entry<String, String>> COMPONENTS =
      List.of(
          Map.entry("io.tes.", "TES code"),
          Map.entry("io.helidon.", "Helidon web server"),
          Map.entry("tools.jackson.", "Jackson (JSON)"),
          Map.entry("com.fasterxml.jackson.", "Jackson (JSON)"),
          Map.entry("com.networknt.", "JSON Schema validator"),
          Map.entry("org.sqlite.", "SQLite JDBC (Java side)"),
          Map.entry("io.nats.", "NATS client"),
          Map.entry("io.prometheus.", "Prometheus metrics"));

  /** Native frames where a thread sits idle (accepting, polling): waiting, not cost. */
  private static final Set<String> IDLE_NATIVE =
      Set.of("sun.nio.ch.Net.accept", "sun.nio.ch.EPoll.wait", "sun.nio.ch.Net.poll");

  private final Map<String, Long> self = new HashMap<>();
  private final Map<String, Long> components = new HashMap<>();
  private final Map<String, Long> inclusiveTes = new HashMap<>();
  private final Map<String, Long> threads = new HashMap<>();
  private final Map<String, Long> nativeTop = new HashMap<>();
  private final Map<String, Long> allocation = new HashMap<>();
  private long executionSamples;
  private long nativeSamples;
  private long allocationWeight;
  private double gcPauseMillis;
  private long gcCount;

  public static ProfileSummary summarize(Path recording, Instant from, Instant to)
      throws IOException {
    var summary = new JfrSummary();
    for (RecordedEvent event : RecordingFile.readAllEvents(recording)) {
      if (event.getStartTime().isBefore(from) || event.getStartTime().isAfter(to)) {
        continue;
      }
      summary.add(event);
    }
    return summary.result(recording);
  }

  private void add(RecordedEvent event) {
    switch (event.getEventType().getName()) {
      case "jdk.ExecutionSample" -> execution(event);
      case "jdk.NativeMethodSample" -> {
        String frame = topFrame(event.getStackTrace());
        if (!IDLE_NATIVE.contains(frame)) {
          nativeSamples++;
          count(nativeTop, frame);
        }
      }
      case "jdk.ObjectAllocationSample" -> {
        long weight = event.getLong("weight");
        allocationWeight += weight;
        allocation.merge(topFrame(event.getStackTrace()), weight, Long::sum);
      }
      case "jdk.GarbageCollection" -> {
        gcCount++;
        gcPauseMillis += event.getDuration("sumOfPauses").toNanos() / 1e6;
      }
      default -> {}
    }
  }

  private void execution(RecordedEvent event) {
    executionSamples++;
    RecordedStackTrace stack = event.getStackTrace();
    count(self, topFrame(stack));
    count(threads, threadGroup(event.getThread("sampledThread")));
    if (stack == null) {
      return;
    }
    count(components, component(stack));
    Set<String> seen = new HashSet<>();
    for (RecordedFrame frame : stack.getFrames()) {
      String name = name(frame);
      // Lambda frames repeat the method that holds them; they add lines, not information.
      if (name.startsWith("io.tes.") && !name.contains("$$Lambda") && seen.add(name)) {
        count(inclusiveTes, name);
      }
    }
  }

  /**
   * Charges a sample to the innermost frame that belongs to a known library or to TES: a JDK frame
   * (a StringBuilder, a socket write) is the cost of whoever called it.
   */
  private static String component(RecordedStackTrace stack) {
    for (RecordedFrame frame : stack.getFrames()) {
      String type = frame.getMethod().getType().getName();
      for (var component : COMPONENTS) {
        if (type.startsWith(component.getKey())) {
          return component.getValue();
        }
      }
    }
    return "JDK only (virtual-thread scheduling, I/O, JIT, GC)";
  }

  private static String topFrame(RecordedStackTrace stack) {
    if (stack == null || stack.getFrames().isEmpty()) {
      return "(no stack)";
    }
    return name(stack.getFrames().getFirst());
  }

  private static String name(RecordedFrame frame) {
    var method = frame.getMethod();
    return method.getType().getName() + "." + method.getName();
  }

  /** Thread names without their numbers, so a pool counts as one line. */
  private static String threadGroup(RecordedThread thread) {
    if (thread == null) {
      return "(unknown)";
    }
    if (thread.isVirtual()) {
      return "virtual threads (request handlers)";
    }
    String name = thread.getJavaName() == null ? thread.getOSName() : thread.getJavaName();
    return name == null ? "(unnamed)" : name.replaceAll("[-#]?\\d+$", "");
  }

  private static void count(Map<String, Long> counts, String key) {
    counts.merge(key, 1L, Long::sum);
  }

  private ProfileSummary result(Path recording) {
    return new ProfileSummary(
        "ok",
        recording.getFileName().toString(),
        executionSamples,
        nativeSamples,
        top(self, executionSamples),
        top(components, executionSamples),
        top(inclusiveTes, executionSamples),
        top(threads, executionSamples),
        top(nativeTop, nativeSamples),
        top(allocation, allocationWeight),
        Math.round(gcPauseMillis * 10) / 10.0,
        gcCount,
        "JFR 'profile' settings, Java frames sampled every 2 ms per running thread (CPU), native"
            + " frames every 20 ms per thread in native code (fsync and SQLite's C code show here;"
            + " idle accept/epoll/poll waits left out); allocation share by sampled weight");
  }

  private static List<ProfileSummary.Frame> top(Map<String, Long> counts, long total) {
    var entries = new ArrayList<>(counts.entrySet());
    entries.sort((a, b) -> Long.compare(b.getValue(), a.getValue()));
    var frames = new ArrayList<ProfileSummary.Frame>();
    for (var entry : entries.subList(0, Math.min(TOP, entries.size()))) {
      double percent = total == 0 ? 0 : Math.round(entry.getValue() * 1000.0 / total) / 10.0;
      frames.add(new ProfileSummary.Frame(entry.getKey(), entry.getValue(), percent));
    }
    return frames;
  }
}
