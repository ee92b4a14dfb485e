package io.cairn.testnet.bench;

import io.cairn.common.address.Address;
import io.cairn.common.amount.Amount;
import io.cairn.common.bytes.Bytes;
import io.cairn.common.crypto.Ed25519;
import io.cairn.common.crypto.Hash;
import io.cairn.common.crypto.PublicKey;
import io.cairn.common.crypto.Sha256;
import io.cairn.common.model.Transaction;
import io.cairn.common.spec.ChainSpec;
import io.cairn.common.spec.Genesis;
import io.cairn.testnet.plan.HashRates;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

/**
 * The benchmark's funded senders: key {@code i} has the seed SHA-256("cairn-bench-sender/" + i), so
 * the same count gives the same keys on every machine (not the public dev phrase: these are funded
 * only on the benchmark's own chain). Each sender {@code i} pays a small amount to sender
 * {@code i + 1}; its {@code k}-th transfer has nonce {@code k}.
 */
final class Senders {
  static final String NETWORK = "cairn-bench";
  static final String PREFIX = "tcairn";
  static final Amount ALLOCATION = Amount.ofCrn(1_000);
  static final Amount MIN_FEE = Amount.ofUnits(1_000);
  static final Amount AMOUNT = Amount.ofUnits(1_000);

  private final byte[][] seeds;
  private final Address[] addresses;

  Senders(int count) {
    seeds = new byte[count][];
    addresses = new Address[count];
    IntStream.range(0, count).parallel().forEach(i -> {
      seeds[i] = Sha256.hash(("cairn-bench-sender/" + i).getBytes(StandardCharsets.US_ASCII)).toArray();
      addresses[i] = Address.of(PublicKey.of(Ed25519.publicKey(seeds[i])));
    });
  }

  int count() {
    return seeds.length;
  }

  Address address(int i) {
    return addresses[i];
  }

  /** The benchmark's chain for these senders: its spec, genesis hash, and the miner's address (sender 0). */
  record Chain(ChainSpec spec, Hash genesis, String miner) {}

  /**
   * {@link #spec} with its genesis now and a proof-of-work target for about 5,000 hashes a second at
   * the 1 s block time (blocks are mined on demand): the one chain every workload and harness runs on.
   */
  Chain chain() {
    ChainSpec spec = spec(System.currentTimeMillis(), HashRates.initialBits(5_000, 1_000));
    return new Chain(spec, Genesis.hash(spec), address(0).encode(PREFIX));
  }

  /**
   * A dev chain funding every sender: easy proof of work (blocks are mined on demand with
   * {@code miner_mine}), 1 MB blocks, genesis at {@code nowMs}.
   */
  ChainSpec spec(long nowMs, int initialBits) {
    List<ChainSpec.Allocation> alloc = new ArrayList<>();
    for (Address a : addresses) {
      alloc.add(new ChainSpec.Allocation(a, ALLOCATION));
    }
    return new ChainSpec(NETWORK, PREFIX, 1_000, initialBits, 600_000, 1_000_000, Amount.ofCrn(50), MIN_FEE, nowMs,
        true, alloc);
  }

  /** Sender {@code i}'s transfer with nonce {@code nonce}, signed for {@code genesis}. */
  Transaction transfer(int i, long nonce, Hash genesis) {
    Transaction t = Transaction.unsigned(addresses[i].key(), addresses[(i + 1) % seeds.length], AMOUNT, MIN_FEE, nonce,
        Bytes.EMPTY);
    return t.signWith(seeds[i], genesis);
  }

  /** Transfers {@code from .. from + n - 1} in the order (sender, nonce) = ((j mod count), j / count), signed in parallel. */
  List<Transaction> transfers(int from, int n, Hash genesis) {
    Transaction[] out = new Transaction[n];
    IntStream.range(0, n).parallel().forEach(k -> {
      int j = from + k;
      out[k] = transfer(j % seeds.length, j / seeds.length, genesis);
    });
    return List.of(out);
  }

  /** JSON-RPC batch bodies of {@code tx_submit} calls, {@code perBatch} each. */
  static List<String> batches(List<Transaction> txs, int perBatch) {
    List<String> bodies = new ArrayList<>();
    StringBuilder b = null;
    for (int i = 0; i < txs.size(); i++) {
      if (i % perBatch == 0) {
        b = new StringBuilder(perBatch * 360).append('[');
      } else {
        b.append(',');
      }
      b.append("{\"jsonrpc\":\"2.0\",\"id\":").append(i).append(",\"method\":\"tx_submit\",\"params\":{\"tx\":\"")
          .append(Bytes.of(txs.get(i).encode()).toHex()).append("\"}}");
      if (i % perBatch == perBatch - 1 || i == txs.size() - 1) {
        bodies.add(b.append(']').toString());
      }
    }
    return bodies;
  }
}
