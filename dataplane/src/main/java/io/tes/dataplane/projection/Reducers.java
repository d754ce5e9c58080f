package io.tes.dataplane.projection;

import io.tes.dataplane.config.ReducerRule;
import io.tes.dataplane.config.ReducerRule.Mode;
import java.util.List;
import java.util.regex.Pattern;

/** Chooses the reducer of an event type: the first matching rule, else merge. */
public final class Reducers {
  private record CompiledRule(Pattern pattern, Mode mode) {}

  private final List<CompiledRule> rules;

  public Reducers(List<ReducerRule> rules) {
    this.rules = rules.stream().map(r -> new CompiledRule(glob(r.type()), r.mode())).toList();
  }

  public Mode modeFor(String eventType) {
    for (CompiledRule rule : rules) {
      if (rule.pattern().matcher(eventType).matches()) {
        return rule.mode();
      }
    }
    return Mode.MERGE;
  }

  /** {@code *} matches any run of characters; everything else is literal. */
  static Pattern glob(String pattern) {
    var regex = new StringBuilder();
    for (String part : pattern.split("\\*", -1)) {
      if (!regex.isEmpty()) {
        regex.append(".*");
      }
      regex.append(Pattern.quote(part));
    }
    return Pattern.compile(regex.toString());
  }
}
