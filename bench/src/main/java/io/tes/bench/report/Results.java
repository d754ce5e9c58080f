package io.tes.bench.report;

import io.tes.bench.env.LoadAverage;
import io.tes.bench.env.Machine;
import io.tes.bench.profile.ProfileSummary;
import java.util.List;
import java.util.Map;

/** Everything one benchmark run produced; written as JSON and as Markdown. */
public record Results(
    String mode,
    String startedAt,
    double wallSeconds,
    String command,
    Machine machine,
    LoadAverage loadAtEnd,
    Map<String, String> versions,
    List<Row> rows,
    Footprint footprint,
    List<Ratio> ratios,
    List<TargetCheck> targets,
    ProfileSummary profile) {}
