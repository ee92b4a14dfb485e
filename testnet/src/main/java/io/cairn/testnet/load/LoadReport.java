package io.cairn.testnet.load;

import com.google.gson.JsonObject;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a load run did.
 *
 * @param submitted transfers signed and sent
 * @param accepted acknowledged by a node (a txid came back)
 * @param confirmed acknowledged and then found in a block
 * @param rejected refused at submission, by the node's reason code
 * @param unreachable not acknowledged because the node could not be reached (down during chaos)
 * @param resent acknowledged ones that no node knew any more (their node was killed before relaying)
 *     and were sent again, as a wallet does
 * @param rejectedLater acknowledged ones refused when sent again, by reason (e.g. {@code nonce-too-low}:
 *     another transfer with that nonce was confirmed instead)
 * @param lost acknowledged ones neither confirmed nor refused with a reason by the end: a violation
 * @param seconds how long the submitting lasted
 */
public record LoadReport(long submitted, long accepted, long confirmed, Map<String, Long> rejected, long unreachable,
    long resent, Map<String, Long> rejectedLater, long lost, double seconds) {
  public LoadReport {
    rejected = Map.copyOf(rejected);
    rejectedLater = Map.copyOf(rejectedLater);
  }

  public String text() {
    StringBuilder sb = new StringBuilder();
    sb.append(String.format(Locale.ROOT, "submitted %d in %.1f s (%.1f tx/s): accepted %d, confirmed %d, rejected %d%s,"
        + " not sent (node unreachable) %d%n", submitted, seconds, seconds > 0 ? submitted / seconds : 0, accepted, confirmed,
        rejected.values().stream().mapToLong(Long::longValue).sum(), reasons(rejected), unreachable));
    if (resent > 0 || !rejectedLater.isEmpty()) {
      sb.append(String.format(Locale.ROOT, "acknowledged but lost by a killed node and sent again: %d; refused when sent"
          + " again: %d%s%n", resent, rejectedLater.values().stream().mapToLong(Long::longValue).sum(), reasons(rejectedLater)));
    }
    sb.append(lost == 0 ? "every acknowledged transfer was confirmed or refused with a reason\n"
        : lost + " acknowledged transfer(s) neither confirmed nor refused: LOST\n");
    return sb.toString();
  }

  private static String reasons(Map<String, Long> m) {
    return m.isEmpty() ? "" : " " + new TreeMap<>(m);
  }

  public JsonObject json() {
    JsonObject o = new JsonObject();
    o.addProperty("submitted", submitted);
    o.addProperty("accepted", accepted);
    o.addProperty("confirmed", confirmed);
    JsonObject r = new JsonObject();
    new TreeMap<>(rejected).forEach(r::addProperty);
    o.add("rejected", r);
    o.addProperty("unreachable", unreachable);
    o.addProperty("resent", resent);
    JsonObject rl = new JsonObject();
    new TreeMap<>(rejectedLater).forEach(rl::addProperty);
    o.add("rejectedWhenResent", rl);
    o.addProperty("lost", lost);
    o.addProperty("seconds", seconds);
    return o;
  }
}
