package io.cairn.node.p2p.wire;

import io.cairn.common.codec.DecodeException;
import io.cairn.common.codec.Reader;
import io.cairn.common.codec.Writer;
import io.cairn.common.crypto.Hash;
import io.cairn.common.model.Block;
import io.cairn.common.model.BlockHeader;
import io.cairn.common.model.Transaction;
import io.cairn.common.reason.Reason;
import io.cairn.common.reason.RejectedException;
import java.util.ArrayList;
import java.util.List;

/**
 * Strict encoding of messages inside a frame. A frame on the wire is a 4-byte big-endian length
 * followed by that many bytes (the transport's job); the bytes are a type byte and the body:
 *
 * <pre>
 * BEFORE FRAMING (this class)             ON THE WIRE (after the length prepender)
 * +------+---------------------+          +------------+------+---------------------+
 * | type | body                |   --->   | length u32 | type | body                |
 * | u8   | (see Message.*)     |          |  = 1 + n   | u8   | n bytes             |
 * +------+---------------------+          +------------+------+---------------------+
 * </pre>
 *
 * Decoding refuses an unknown type ({@code unknown-message}), a body that does not follow the
 * canonical encoding, lists over their limits and trailing bytes ({@code malformed}).
 */
public final class MessageCodec {
  /** 2: transaction relay by 16-byte short txids ({@code INV_TX}, {@code GET_TX}, {@code TX_NOT_FOUND}). */
  public static final long PROTOCOL_VERSION = 2;
  /** Oldest protocol version this node still talks to (1's transaction messages no longer parse). */
  public static final long MIN_PROTOCOL_VERSION = 2;
  public static final int MAX_INV = 5_000;
  public static final int MAX_LOCATOR = 101;
  public static final int MAX_HEADERS = 2_000;
  public static final int MAX_BLOCK_REQUEST = 128;
  public static final int MAX_ADDRS = 1_000;
  public static final int MAX_USER_AGENT = 64;
  static final int SHORT_ID_LENGTH = 6;

  private MessageCodec() {}

  public static byte[] encode(Message m) {
    Writer w = new Writer(64);
    w.u8(m.type().code());
    m.writeBody(w);
    return w.toByteArray();
  }

  /** Decodes one whole frame; RejectedException with unknown-message or malformed. */
  public static Message decode(byte[] frame) {
    if (frame.length == 0) {
      throw new RejectedException(Reason.MALFORMED, "Expected a message type byte but the frame is empty");
    }
    MessageType type = MessageType.ofCode(frame[0] & 0xff);
    if (type == null) {
      throw new RejectedException(Reason.UNKNOWN_MESSAGE, "unknown message type 0x" + Integer.toHexString(frame[0] & 0xff));
    }
    try {
      Reader r = new Reader(frame, 1, frame.length - 1);
      Message m = body(type, r);
      r.finish(type.name());
      return m;
    } catch (DecodeException | IllegalArgumentException | ArithmeticException e) {
      throw new RejectedException(Reason.MALFORMED, type.name() + ": " + e.getMessage());
    }
  }

  private static Message body(MessageType type, Reader r) {
    switch (type) {
      case HELLO:
        return new Message.Hello(r.u32("protocol version"), hash(r, "genesis"), hash(r, "node id"),
            port(r), r.u63("best height"), WireIo.readBig(r, "work"), WireIo.readText(r, MAX_USER_AGENT, "user agent"));
      case PING:
        return new Message.Ping(r.u64("nonce"));
      case PONG:
        return new Message.Pong(r.u64("nonce"));
      case BYE: {
        String code = WireIo.readText(r, 64, "reason");
        Reason reason = Reason.fromCode(code);
        return new Message.Bye(reason == null ? Reason.MALFORMED : reason, WireIo.readText(r, 200, "detail"));
      }
      case INV_TX:
        return new Message.InvTx(ShortTxid.readAll(r, MAX_INV, "txids"));
      case GET_TX:
        return new Message.GetTx(ShortTxid.readAll(r, MAX_INV, "txids"));
      case TX_NOT_FOUND:
        return new Message.TxNotFound(ShortTxid.readAll(r, MAX_INV, "txids"));
      case TXS:
        return new Message.Txs(txs(r));
      case NOT_FOUND: {
        int kind = r.u8("kind");
        if (kind != 1) {
          throw new DecodeException("Expected not-found kind 1 (blocks) but got " + kind);
        }
        return new Message.NotFound(kind == 1, WireIo.readHashes(r, MAX_INV, "hashes"));
      }
      case GET_MEMPOOL:
        return new Message.GetMempool();
      case GET_HEADERS:
        return new Message.GetHeaders(WireIo.readHashes(r, MAX_LOCATOR, "locator hashes"));
      case HEADERS: {
        int n = r.count(MAX_HEADERS, BlockHeader.ENCODED_LENGTH, "headers");
        List<BlockHeader> hs = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
          hs.add(BlockHeader.read(r));
        }
        return new Message.Headers(hs);
      }
      case GET_BLOCKS:
        return new Message.GetBlocks(WireIo.readHashes(r, MAX_BLOCK_REQUEST, "block hashes"));
      case BLOCK:
        return new Message.FullBlock(Block.read(r));
      case GET_COMPACT:
        return new Message.GetCompact(hash(r, "block hash"));
      case COMPACT_BLOCK: {
        BlockHeader h = BlockHeader.read(r);
        long salt = r.u64("salt");
        int n = r.count(Block.MAX_ENCODED_LENGTH / Transaction.MIN_ENCODED_LENGTH, SHORT_ID_LENGTH, "short ids");
        List<Long> ids = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
          long hi = r.u32("short id");
          ids.add((hi << 16) | (r.u8("short id") << 8) | r.u8("short id"));
        }
        return new Message.CompactBlock(h, salt, ids);
      }
      case GET_BLOCK_TXS: {
        Hash h = hash(r, "block hash");
        int n = r.count(Block.MAX_ENCODED_LENGTH / Transaction.MIN_ENCODED_LENGTH, 4, "indexes");
        List<Integer> idx = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
          long v = r.u32("index");
          if (v > Integer.MAX_VALUE) {
            throw new DecodeException("Expected a transaction index below 2^31 but got " + v);
          }
          idx.add((int) v);
        }
        return new Message.GetBlockTxs(h, idx);
      }
      case BLOCK_TXS:
        return new Message.BlockTxs(hash(r, "block hash"), txs(r));
      case GET_ADDRS:
        return new Message.GetAddrs();
      case ADDRS: {
        int n = r.count(MAX_ADDRS, 1 + 1 + 4 + 8, "addresses");
        List<NetAddress> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
          String host = WireIo.readText(r, 255, "host");
          long port = r.u32("port");
          if (port < 1 || port > 0xffff) {
            throw new DecodeException("Expected a port from 1 to 65535 but got " + port);
          }
          out.add(new NetAddress(new PeerAddress(host, (int) port), r.u63("last seen")));
        }
        return new Message.Addrs(out);
      }
      default:
        throw new RejectedException(Reason.UNKNOWN_MESSAGE, "unhandled message type " + type);
    }
  }

  private static Hash hash(Reader r, String what) {
    return Hash.of(r.fixed(Hash.LENGTH, what));
  }

  private static int port(Reader r) {
    long p = r.u32("listen port");
    if (p > 0xffff) {
      throw new DecodeException("Expected a listen port up to 65535 but got " + p);
    }
    return (int) p;
  }

  private static List<Transaction> txs(Reader r) {
    int n = r.count(Block.MAX_ENCODED_LENGTH / Transaction.MIN_ENCODED_LENGTH, Transaction.MIN_ENCODED_LENGTH, "transactions");
    List<Transaction> txs = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      txs.add(Transaction.read(r));
    }
    return txs;
  }
}
