package io.cairn.testnet.load;

import io.cairn.common.address.Address;
import io.cairn.common.amount.Amount;
import io.cairn.common.crypto.Hash;
import io.cairn.common.model.Transaction;
import io.cairn.common.reason.RejectedException;
import io.cairn.testnet.launcher.Testnet;
import io.cairn.testnet.launcher.TestnetFile.Node;
import io.cairn.wallet.client.HttpNodeClient;
import io.cairn.wallet.client.NodeClient;
import io.cairn.wallet.client.NodeClient.Status;
import io.cairn.wallet.client.NodeEndpoint;
import io.cairn.wallet.client.NodeException;
import io.cairn.wallet.keys.AccountKey;
import io.cairn.wallet.keys.DevAccounts;
import io.cairn.wallet.tx.Transfers;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BooleanSupplier;

/**
 * Signed transfers among the dev accounts 0-9, through the wallet library ({@link Transfers} to sign,
 * {@link NodeClient} to submit), to a random running node each, at a steady rate. Each sender's next
 * nonce is kept locally and read again from the node after a nonce refusal. At the end every
 * acknowledged transfer is followed until it is confirmed or refused with a reason; one that no node
 * knows any more (its node was killed before relaying it) is sent again, as a wallet does.
 */
public final class LoadRunner {
  private static final Duration CLIENT_TIMEOUT = Duration.ofSeconds(3);

  private final Testnet testnet;
  private final Random random;
  private final PrintWriter out;
  private final List<AccountKey> keys = DevAccounts.accounts();
  private final long[] next = new long[DevAccounts.COUNT];
  private final Map<String, NodeClient> clients = new ConcurrentHashMap<>();
  private final List<Ack> acks = new ArrayList<>();
  private final Map<String, Long> rejected = new HashMap<>();
  private final Map<String, Long> rejectedLater = new HashMap<>();
  private long submitted;
  private long unreachable;
  private long resent;
  private double seconds;
  private Hash genesis;
  private Amount fee;
  private List<Node> targets = List.of();
  private long targetsReadNs;

  /** An acknowledged transfer and what became of it. */
  private static final class Ack {
    final Transaction tx;
    final int sender;
    Optional<String> outcome = Optional.empty();
    boolean confirmed;

    Ack(Transaction tx, int sender) {
      this.tx = tx;
      this.sender = sender;
    }
  }

  public LoadRunner(Testnet testnet, long seed, PrintWriter out) {
    this.testnet = testnet;
    this.random = new Random(seed);
    this.out = out;
  }

  /** Reads the genesis hash, minimum fee and every sender's next nonce from a running node. */
  public void prepare() {
    NodeClient c = client(anyRunning());
    NodeClient.ChainInfo info = c.chainInfo();
    genesis = info.genesisHash();
    fee = info.minFee().orElse(Transfers.FALLBACK_FEE);
    for (int i = 0; i < keys.size(); i++) {
      next[i] = c.account(keys.get(i).address().encode(prefix())).pendingNonce();
    }
  }

  /** Submits {@code tps} transfers per second for {@code duration}, or until {@code stop} says so. */
  public void submit(double tps, Duration duration, BooleanSupplier stop) {
    if (genesis == null) {
      prepare();
    }
    long start = System.nanoTime();
    long end = start + duration.toNanos();
    long intervalNs = (long) (1e9 / tps);
    long due = start;
    while (System.nanoTime() < end && !stop.getAsBoolean() && !Thread.currentThread().isInterrupted()) {
      long wait = due - System.nanoTime();
      if (wait > 0) {
        sleep(wait / 1_000_000, (int) (wait % 1_000_000));
        continue;
      }
      submitOne();
      due += intervalNs;
    }
    seconds = (System.nanoTime() - start) / 1e9;
  }

  private void submitOne() {
    int s = random.nextInt(keys.size());
    int r = (s + 1 + random.nextInt(keys.size() - 1)) % keys.size();
    Amount amount = Amount.ofUnits(1000L * (1 + random.nextInt(1000)));
    List<Node> live = targets();
    if (live.isEmpty()) {
      unreachable++;
      submitted++;
      return;
    }
    Node node = live.get(random.nextInt(live.size()));
    Address to = keys.get(r).address();
    Transaction tx;
    try {
      tx = Transfers.draft(keys.get(s), to, amount, fee, next[s], null, Optional.of(fee)).sign(genesis);
    } catch (RejectedException e) {
      throw new IllegalStateException("the load generator built an invalid transfer: " + e.getMessage(), e);
    }
    submitted++;
    try {
      client(node).submit(tx);
      synchronized (acks) {
        acks.add(new Ack(tx, s));
      }
      next[s]++;
    } catch (NodeException e) {
      if (e.kind() == NodeException.Kind.REJECTED) {
        String reason = e.reasonCode().orElse("unknown");
        rejected.merge(reason, 1L, Long::sum);
        if (reason.startsWith("nonce") || reason.equals("already-known") || reason.startsWith("replacement")) {
          resync(node, s);
        }
      } else {
        unreachable++;
        clients.remove(node.name());
      }
    }
  }

  private void resync(Node node, int s) {
    try {
      next[s] = client(node).account(keys.get(s).address().encode(prefix())).pendingNonce();
    } catch (NodeException e) {
      clients.remove(node.name());
    }
  }

  /**
   * Follows every acknowledged transfer until it is confirmed or refused with a reason, or
   * {@code timeout} passes; returns the report.
   */
  public LoadReport finish(Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    List<Ack> open;
    synchronized (acks) {
      open = new ArrayList<>(acks);
    }
    open.sort(Comparator.comparingInt((Ack a) -> a.sender).thenComparingLong(a -> a.tx.nonce()));
    Map<Ack, Integer> unknownRounds = new HashMap<>();
    while (true) {
      open.removeIf(a -> a.confirmed || a.outcome.isPresent());
      if (open.isEmpty() || System.nanoTime() > deadline) {
        break;
      }
      List<Node> live = targets();
      if (!live.isEmpty()) {
        for (Ack a : open) {
          Node n = live.get(random.nextInt(live.size()));
          follow(a, n, unknownRounds);
        }
      }
      sleep(500, 0);
    }
    long confirmed;
    synchronized (acks) {
      confirmed = acks.stream().filter(a -> a.confirmed).count();
    }
    if (!open.isEmpty()) {
      out.println("not confirmed in time: " + open.stream().limit(5).map(a -> a.tx.txid().toHex().substring(0, 12)
          + " (dev" + a.sender + " nonce " + a.tx.nonce() + ")").toList() + (open.size() > 5 ? " ..." : ""));
    }
    return new LoadReport(submitted, acks.size(), confirmed, rejected, unreachable, resent, rejectedLater, open.size(),
        seconds);
  }

  private void follow(Ack a, Node n, Map<Ack, Integer> unknownRounds) {
    try {
      NodeClient.TxStatus st = client(n).transaction(a.tx.txid());
      a.confirmed = st.status() == Status.CONFIRMED;
      unknownRounds.remove(a);
    } catch (NodeException e) {
      if (e.kind() != NodeException.Kind.NOT_FOUND) {
        clients.remove(n.name());
        return;
      }
      // Unknown to this node: give relay a moment, then send it again (to this node).
      if (unknownRounds.merge(a, 1, Integer::sum) < 3) {
        return;
      }
      unknownRounds.remove(a);
      try {
        client(n).submit(a.tx);
        resent++;
      } catch (NodeException r) {
        if (r.kind() == NodeException.Kind.REJECTED) {
          String reason = r.reasonCode().orElse("unknown");
          if (!reason.equals("already-known")) {
            a.outcome = Optional.of(reason);
            rejectedLater.merge(reason, 1L, Long::sum);
          }
        } else {
          clients.remove(n.name());
        }
      }
    }
  }

  private List<Node> targets() {
    if (System.nanoTime() - targetsReadNs > 500_000_000L) {
      targets = testnet.runningNodes();
      targetsReadNs = System.nanoTime();
    }
    return targets;
  }

  private Node anyRunning() {
    List<Node> live = testnet.runningNodes();
    if (live.isEmpty()) {
      throw new io.cairn.testnet.launcher.TestnetException(io.cairn.testnet.launcher.TestnetException.STATE,
          "the testnet in " + testnet.layout().dir() + " is not running; start it with 'cairn testnet up'");
    }
    return live.get(0);
  }

  private NodeClient client(Node n) {
    return clients.computeIfAbsent(n.name(), k -> {
      String token;
      try {
        token = NodeEndpoint.readCookie(Path.of(n.cookieFile()));
      } catch (NodeException e) {
        token = "";
      }
      return new HttpNodeClient(new NodeEndpoint(URI.create(n.rpcUrl()), Optional.of(token)), CLIENT_TIMEOUT);
    });
  }

  private String prefix() {
    return io.cairn.testnet.plan.TestnetPlan.PREFIX;
  }

  private static void sleep(long ms, int nanos) {
    try {
      Thread.sleep(ms, nanos);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
