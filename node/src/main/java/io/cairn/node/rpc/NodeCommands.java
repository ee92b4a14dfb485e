package io.cairn.node.rpc;

import io.cairn.common.address.Address;
import io.cairn.common.crypto.Hash;
import io.cairn.common.model.Transaction;
import io.cairn.common.reason.Rejected;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The commands a JSON-RPC caller may give a running node. The node service implements them by
 * handing work to the component that owns it (mempool, peer manager, miner); a refusal is a
 * {@link Rejected} value with a reason code, never an exception. Calls run on the RPC's own worker
 * threads and may block until the command is done (e.g. until the mempool decided).
 */
public interface NodeCommands {

  /**
   * Offers decoded signed transactions to the mempool, in order (so one sender's consecutive nonces
   * in one list are all accepted): one outcome per transaction, in input order, its txid when
   * accepted (and relayed). A single submission is a list of one.
   */
  List<Outcome<Hash>> submitTransactions(List<Transaction> txs);

  /** Connects to {@code host:port} (already syntax-checked); refused e.g. {@code banned}. */
  Optional<Rejected> addPeer(String hostPort);

  /** Drops the connection to the peer with this node id; {@code not-found} when not connected. */
  Optional<Rejected> disconnectPeer(String nodeId);

  /**
   * Refuses and drops links to exactly these node ids (64 hex digits each) until called again; an
   * empty list heals. The testnet's partitions use it.
   */
  Optional<Rejected> setBlockedPeers(List<String> nodeIds);

  /**
   * Mines {@code count} blocks on top of the tip now, crediting {@code minerAddress} or else the
   * configured miner address, and returns them once connected, oldest first. Refused with
   * {@code not-allowed} on networks that are not dev networks.
   */
  Outcome<List<Mined>> mineBlocks(int count, Optional<Address> minerAddress);

  /**
   * A block mined on demand: its hash, and when its proof of work was found and the block handed to
   * the chain (Unix milliseconds on the node's clock, the clock of {@code chain_info}'s
   * {@code tipSinceMs}), before the node pushed it to its peers, then checked, stored and connected it.
   */
  record Mined(Hash hash, long foundMs) {
    public Mined {
      Objects.requireNonNull(hash, "hash");
    }
  }

  /** A value, or the reason it could not be produced. */
  record Outcome<T>(T value, Rejected rejected) {
    public Outcome {
      if ((value == null) == (rejected == null)) {
        throw new IllegalArgumentException("exactly one of value and rejected must be set");
      }
    }

    public static <T> Outcome<T> ok(T value) {
      return new Outcome<>(Objects.requireNonNull(value, "value"), null);
    }

    public static <T> Outcome<T> refused(Rejected rejected) {
      return new Outcome<>(null, Objects.requireNonNull(rejected, "rejected"));
    }

    public boolean isOk() {
      return rejected == null;
    }
  }
}
