package io.cairn.node.service;

import io.cairn.common.codec.DecodeException;
import io.cairn.common.codec.Reader;
import io.cairn.common.codec.Writer;
import io.cairn.common.crypto.Hash;
import io.cairn.common.crypto.Sha256;
import io.cairn.common.model.Transaction;
import io.cairn.common.reason.Reason;
import io.cairn.node.io.AtomicFiles;
import io.cairn.node.mempool.Admission;
import io.cairn.node.mempool.Mempool;
import io.cairn.node.mempool.MempoolContent;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The mempool kept across a clean restart, {@code <datadir>/mempool.dat} (as Bitcoin Core's
 * mempool.dat): written when the node stops, read back when it starts. The transactions are only
 * offered again: every signature and rule is checked as for any new transaction.
 *
 * <pre>
 * "CAIRNMP2" | genesis hash (32) | count (u32) | count x (added ms (u64), u32 length, transaction) | SHA-256 of all before (32)
 * </pre>
 *
 * "added ms" is when the transaction first entered this node's mempool: restored, it keeps that
 * time, so it expires when it would have without the restart, and one that expired while the node
 * was stopped is not offered again (as Bitcoin Core keeps each entry's time). Files of the first
 * format, "CAIRNMP1" (no times), are still read; their transactions count as added at the restart.
 *
 * Written to a temporary file, synced, then renamed over the old one, so a crash while writing leaves
 * the previous file or none, never half of one.
 */
final class MempoolFile {
  private static final Logger LOG = LoggerFactory.getLogger("io.cairn.node");
  static final String NAME = "mempool.dat";
  private static final byte[] MAGIC = "CAIRNMP2".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] MAGIC_V1 = "CAIRNMP1".getBytes(StandardCharsets.US_ASCII);
  /** The time of a transaction saved without one (format 1): the restart itself. */
  static final long UNKNOWN = Long.MAX_VALUE;

  /** One saved transaction and when it entered the mempool ({@link #UNKNOWN} if the file did not say). */
  record Saved(Transaction tx, long addedMillis) {}
  /** More than any mempool holds (a transaction is at least 155 bytes; the pool is bounded in bytes). */
  private static final int MAX_TXS = 10_000_000;

  private MempoolFile() {}

  /**
   * At start, before peers and clients can reach the node: offers the transactions saved at the last
   * clean stop again and consumes the file. A damaged file (or another chain's) is kept aside as
   * {@code mempool.dat.bad}; the mempool then starts empty.
   */
  static void restore(Path dataDir, Hash genesis, ChainActor actor) {
    Path file = path(dataDir);
    List<Saved> saved;
    try {
      Optional<List<Saved>> read = read(dataDir, genesis);
      if (read.isEmpty()) {
        return;
      }
      saved = read.get();
    } catch (IOException | DecodeException e) {
      LOG.warn("mempool: {} not restored, kept as {}.bad: {}", file, NAME, e.getMessage());
      try {
        Files.move(file, dataDir.resolve(NAME + ".bad"), StandardCopyOption.REPLACE_EXISTING);
      } catch (IOException moveFailed) {
        LOG.warn("mempool: cannot move {} aside: {}", file, moveFailed.toString());
      }
      return;
    }
    try {
      Files.delete(file); // consumed: what comes back is in the mempool now
    } catch (IOException e) {
      LOG.warn("mempool: cannot remove {} after reading it: {}", file, e.toString());
    }
    long now = actor.now();
    long expiry = actor.mempool().config().expiryMillis();
    List<Transaction> txs = new ArrayList<>();
    long[] times = new long[saved.size()];
    for (Saved x : saved) {
      if (x.addedMillis() == UNKNOWN || now - x.addedMillis() < expiry) {
        times[txs.size()] = x.addedMillis();
        txs.add(x.tx());
      }
    }
    int expired = saved.size() - txs.size();
    List<Admission> results = ChainThread.await(actor.submitTxs(txs, Arrays.copyOf(times, txs.size())),
        Duration.ofMinutes(5));
    Map<String, Integer> refused = new TreeMap<>();
    if (expired > 0) {
      refused.put(Reason.EXPIRED.code(), expired);
    }
    int restored = 0;
    for (Admission a : results) {
      if (a.accepted()) {
        restored++;
      } else {
        refused.merge(a.rejected().reason().code(), 1, Integer::sum);
      }
    }
    LOG.info("mempool: {} of {} saved transactions restored{}", restored, saved.size(),
        refused.isEmpty() ? "" : ", refused now: " + refused);
  }

  /** At a clean stop: saves the mempool, each sender's transactions in nonce order (nothing when it is empty). */
  static void save(Path dataDir, Hash genesis, ChainActor actor) throws IOException {
    List<Saved> txs = actor.thread().call(() -> {
      Mempool pool = actor.mempool();
      List<Saved> out = new ArrayList<>();
      for (MempoolContent.SenderTxs s : pool.content().senders().values()) {
        for (List<Transaction> part : List.of(s.pending(), s.queued())) {
          for (Transaction tx : part) {
            out.add(new Saved(tx, pool.addedMillis(tx.txid()).orElse(UNKNOWN)));
          }
        }
      }
      return out;
    }, Duration.ofSeconds(10));
    if (!txs.isEmpty()) {
      write(dataDir, genesis, txs);
      LOG.info("mempool: {} transactions saved to {}", txs.size(), NAME);
    }
  }

  static Path path(Path dataDir) {
    return dataDir.resolve(NAME);
  }

  static byte[] encode(Hash genesis, List<Saved> txs) {
    int capacity = MAGIC.length + Hash.LENGTH + 4 + txs.size() * (8 + 4 + Transaction.MAX_ENCODED_LENGTH);
    Writer w = new Writer(capacity);
    w.raw(MAGIC).fixed(genesis).u32(txs.size());
    for (Saved x : txs) {
      w.u64(x.addedMillis()).bytes32(x.tx().encode());
    }
    byte[] body = w.toByteArray();
    byte[] out = Arrays.copyOf(body, body.length + Hash.LENGTH);
    System.arraycopy(Sha256.digest(body), 0, out, body.length, Hash.LENGTH);
    return out;
  }

  /**
   * The transactions of a file's bytes, in the order written.
   *
   * @throws DecodeException when the bytes are not a complete, intact mempool file of this chain
   */
  static List<Saved> decode(byte[] bytes, Hash genesis) {
    if (bytes.length < MAGIC.length + Hash.LENGTH + 4 + Hash.LENGTH) {
      throw new DecodeException("too short for a mempool file (" + bytes.length + " bytes)");
    }
    int bodyLength = bytes.length - Hash.LENGTH;
    byte[] sum = Arrays.copyOfRange(bytes, bodyLength, bytes.length);
    if (!Arrays.equals(sum, Sha256.digest(bytes, 0, bodyLength))) {
      throw new DecodeException("checksum mismatch (truncated or damaged)");
    }
    Reader r = new Reader(bytes, 0, bodyLength);
    byte[] magic = r.fixed(MAGIC.length, "magic");
    boolean timed = Arrays.equals(MAGIC, magic);
    if (!timed && !Arrays.equals(MAGIC_V1, magic)) {
      throw new DecodeException("not a mempool file");
    }
    Hash chain = Hash.of(r.fixed(Hash.LENGTH, "genesis"));
    if (!chain.equals(genesis)) {
      throw new DecodeException("written by a node of another chain (genesis " + chain.shortHex() + ")");
    }
    int count = r.count(MAX_TXS, (timed ? 8 : 0) + 4 + Transaction.MIN_ENCODED_LENGTH, "transactions");
    List<Saved> txs = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      long added = timed ? r.u64("added ms") : UNKNOWN;
      txs.add(new Saved(Transaction.decode(r.bytes32(Transaction.MAX_ENCODED_LENGTH, "transaction")), added));
    }
    r.finish("mempool file");
    return txs;
  }

  /** Replaces the file in {@code dataDir} with these transactions, atomically and durably. */
  static void write(Path dataDir, Hash genesis, List<Saved> txs) throws IOException {
    AtomicFiles.write(path(dataDir), encode(genesis, txs));
  }

  /**
   * The saved transactions, empty when there is no file.
   *
   * @throws IOException when the file cannot be read
   * @throws DecodeException when it is damaged or another chain's
   */
  static Optional<List<Saved>> read(Path dataDir, Hash genesis) throws IOException {
    AtomicFiles.discardUnfinished(path(dataDir)); // a write cut short by a crash
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(path(dataDir));
    } catch (NoSuchFileException e) {
      return Optional.empty();
    }
    return Optional.of(decode(bytes, genesis));
  }
}
