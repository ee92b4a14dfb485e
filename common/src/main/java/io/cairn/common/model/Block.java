package io.cairn.common.model;

import io.cairn.common.codec.Reader;
import io.cairn.common.codec.Writer;
import io.cairn.common.crypto.Hash;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A header and its transactions, in order. There is no coinbase transaction: the header's miner is
 * credited the block reward plus fees by the state transition.
 *
 * <pre>
 * +----------------------+-----------+------------+-----+------------+
 * | header (126 bytes)   | count u32 | tx 0       | ... | tx n-1     |
 * +----------------------+-----------+------------+-----+------------+
 * </pre>
 */
public record Block(BlockHeader header, List<Transaction> transactions) {
  /** Hard decoding bound, above any chain's max block size; consensus checks the spec's limit. */
  public static final int MAX_ENCODED_LENGTH = 8 * 1024 * 1024;

  public Block {
    Objects.requireNonNull(header, "header");
    transactions = List.copyOf(transactions);
  }

  public Hash hash() {
    return header.hash();
  }

  public long height() {
    return header.height();
  }

  public List<Hash> txids() {
    List<Hash> ids = new ArrayList<>(transactions.size());
    for (Transaction tx : transactions) {
      ids.add(tx.txid());
    }
    return ids;
  }

  public void write(Writer w) {
    header.write(w);
    w.u32(transactions.size());
    for (Transaction tx : transactions) {
      tx.write(w);
    }
  }

  public byte[] encode() {
    Writer w = new Writer(encodedLength());
    write(w);
    return w.toByteArray();
  }

  public int encodedLength() {
    int n = BlockHeader.ENCODED_LENGTH + 4;
    for (Transaction tx : transactions) {
      n += tx.encodedLength();
    }
    return n;
  }

  public static Block read(Reader r) {
    BlockHeader header = BlockHeader.read(r);
    int count = r.count(MAX_ENCODED_LENGTH / Transaction.MIN_ENCODED_LENGTH, Transaction.MIN_ENCODED_LENGTH, "transactions");
    List<Transaction> txs = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      txs.add(Transaction.read(r));
    }
    return new Block(header, txs);
  }

  public static Block decode(byte[] bytes) {
    if (bytes.length > MAX_ENCODED_LENGTH) {
      throw new io.cairn.common.codec.DecodeException(
          "Expected a block of at most " + MAX_ENCODED_LENGTH + " bytes but got " + bytes.length);
    }
    Reader r = new Reader(bytes);
    Block b = read(r);
    r.finish("block");
    return b;
  }
}
