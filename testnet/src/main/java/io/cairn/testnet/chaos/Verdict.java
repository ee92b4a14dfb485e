package io.cairn.testnet.chaos;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import io.cairn.testnet.load.LoadReport;
import java.util.List;

/**
 * The outcome of a chaos run: each check with whether it held and what was seen.
 *
 * @param seed the seed that reproduces the schedule
 * @param events the faults injected, as done
 * @param checks the checks, in order
 * @param load the load report
 */
public record Verdict(long seed, List<String> events, List<Check> checks, LoadReport load) {
  public Verdict {
    events = List.copyOf(events);
    checks = List.copyOf(checks);
  }

  /** One check. */
  public record Check(String name, boolean ok, String detail) {}

  public boolean ok() {
    return checks.stream().allMatch(Check::ok);
  }

  public String text() {
    StringBuilder sb = new StringBuilder();
    sb.append("load: ").append(load.text());
    for (Check c : checks) {
      sb.append(c.ok() ? "  ok    " : "  FAIL  ").append(c.name()).append(": ").append(c.detail()).append('\n');
    }
    sb.append(ok() ? "VERDICT: PASS" : "VERDICT: FAIL").append(" (seed ").append(seed).append(", ")
        .append(events.size()).append(" faults; rerun with --seed ").append(seed).append(")\n");
    return sb.toString();
  }

  public JsonObject json() {
    JsonObject o = new JsonObject();
    o.addProperty("verdict", ok() ? "pass" : "fail");
    o.addProperty("seed", seed);
    JsonArray ev = new JsonArray();
    events.forEach(ev::add);
    o.add("events", ev);
    JsonArray cs = new JsonArray();
    for (Check c : checks) {
      JsonObject j = new JsonObject();
      j.addProperty("name", c.name());
      j.addProperty("ok", c.ok());
      j.addProperty("detail", c.detail());
      cs.add(j);
    }
    o.add("checks", cs);
    o.add("load", load.json());
    return o;
  }
}
