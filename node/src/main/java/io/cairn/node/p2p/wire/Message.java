package io.cairn.node.p2p.wire;

import io.cairn.common.codec.Writer;
import io.cairn.common.crypto.Hash;
import io.cairn.common.model.Block;
import io.cairn.common.model.BlockHeader;
import io.cairn.common.model.Transaction;
import io.cairn.common.reason.Reason;
import java.math.BigInteger;
import java.util.List;
import java.util.Objects;

/**
 * A peer-to-peer message. The wire form of every message is its {@link MessageType} byte followed by
 * the body described on each record (all integers big-endian, see {@link MessageCodec}).
 */
public sealed interface Message {

  MessageType type();

  /** Writes the body (without the type byte). */
  void writeBody(Writer w);

  /**
   * First message on each side of a link.
   *
   * <pre>
   * | version u32 | genesis 32 | nodeId 32 | listenPort u32 | bestHeight u64 | workLen u8 | work | uaLen u8 | ua |
   * </pre>
   */
  record Hello(long protocolVersion, Hash genesis, Hash nodeId, int listenPort, long bestHeight,
      BigInteger cumulativeWork, String userAgent) implements Message {
    public Hello {
      Objects.requireNonNull(genesis, "genesis");
      Objects.requireNonNull(nodeId, "nodeId");
      Objects.requireNonNull(cumulativeWork, "cumulativeWork");
      Objects.requireNonNull(userAgent, "userAgent");
      if (listenPort < 0 || listenPort > 0xffff || bestHeight < 0 || cumulativeWork.signum() < 0) {
        throw new IllegalArgumentException("hello fields out of range");
      }
    }

    @Override
    public MessageType type() {
      return MessageType.HELLO;
    }

    @Override
    public void writeBody(Writer w) {
      w.u32(protocolVersion).fixed(genesis).fixed(nodeId).u32(listenPort).u64(bestHeight);
      WireIo.writeBig(w, cumulativeWork);
      WireIo.writeText(w, userAgent);
    }
  }

  /** {@code | nonce u64 |} */
  record Ping(long nonce) implements Message {
    @Override
    public MessageType type() {
      return MessageType.PING;
    }

    @Override
    public void writeBody(Writer w) {
      w.u64(nonce);
    }
  }

  /** {@code | nonce u64 |}, echoing the ping. */
  record Pong(long nonce) implements Message {
    @Override
    public MessageType type() {
      return MessageType.PONG;
    }

    @Override
    public void writeBody(Writer w) {
      w.u64(nonce);
    }
  }

  /** Sent before closing a link: {@code | codeLen u8 | reason code | detailLen u8 | detail |}. */
  record Bye(Reason reason, String detail) implements Message {
    public Bye {
      Objects.requireNonNull(reason, "reason");
      detail = WireIo.clip(detail == null ? "" : detail, 200);
    }

    @Override
    public MessageType type() {
      return MessageType.BYE;
    }

    @Override
    public void writeBody(Writer w) {
      WireIo.writeText(w, reason.code());
      WireIo.writeText(w, detail);
    }
  }

  /** Announces transactions by short txid: {@code | count u32 | short txid 16 ... |}. */
  record InvTx(List<ShortTxid> txids) implements Message {
    public InvTx {
      txids = WireIo.bounded(txids, MessageCodec.MAX_INV, "txids");
    }

    @Override
    public MessageType type() {
      return MessageType.INV_TX;
    }

    @Override
    public void writeBody(Writer w) {
      ShortTxid.writeAll(w, txids);
    }
  }

  /** Requests transactions by short txid: {@code | count u32 | short txid 16 ... |}. */
  record GetTx(List<ShortTxid> txids) implements Message {
    public GetTx {
      txids = WireIo.bounded(txids, MessageCodec.MAX_INV, "txids");
    }

    @Override
    public MessageType type() {
      return MessageType.GET_TX;
    }

    @Override
    public void writeBody(Writer w) {
      ShortTxid.writeAll(w, txids);
    }
  }

  /** Requested transactions: {@code | count u32 | tx ... |}. */
  record Txs(List<Transaction> txs) implements Message {
    public Txs {
      txs = List.copyOf(txs);
    }

    @Override
    public MessageType type() {
      return MessageType.TXS;
    }

    @Override
    public void writeBody(Writer w) {
      w.u32(txs.size());
      for (Transaction tx : txs) {
        tx.write(w);
      }
    }
  }

  /**
   * Transactions the peer asked for ({@code GET_TX}) and this node does not have: {@code | count u32 |
   * short txid 16 ... |}.
   */
  record TxNotFound(List<ShortTxid> txids) implements Message {
    public TxNotFound {
      txids = WireIo.bounded(txids, MessageCodec.MAX_INV, "txids");
    }

    @Override
    public MessageType type() {
      return MessageType.TX_NOT_FOUND;
    }

    @Override
    public void writeBody(Writer w) {
      ShortTxid.writeAll(w, txids);
    }
  }

  /**
   * Blocks the peer asked for and this node does not have: {@code | kind u8 = 1 | count u32 | hash 32
   * ... |}. Kind 0 (transactions by full txid) was protocol 1's; transactions now use {@link
   * TxNotFound}.
   */
  record NotFound(boolean blocks, List<Hash> hashes) implements Message {
    public NotFound {
      if (!blocks) {
        throw new IllegalArgumentException("missing transactions are reported with TX_NOT_FOUND");
      }
      hashes = WireIo.bounded(hashes, MessageCodec.MAX_INV, "hashes");
    }

    @Override
    public MessageType type() {
      return MessageType.NOT_FOUND;
    }

    @Override
    public void writeBody(Writer w) {
      w.u8(blocks ? 1 : 0);
      WireIo.writeHashes(w, hashes);
    }
  }

  /** Asks the peer to announce its whole mempool (once per link, or after an overflow). Empty body. */
  record GetMempool() implements Message {
    @Override
    public MessageType type() {
      return MessageType.GET_MEMPOOL;
    }

    @Override
    public void writeBody(Writer w) {}
  }

  /** Headers after the first locator hash the peer knows: {@code | count u32 | hash 32 ... |}. */
  record GetHeaders(List<Hash> locator) implements Message {
    public GetHeaders {
      locator = WireIo.bounded(locator, MessageCodec.MAX_LOCATOR, "locator hashes");
    }

    @Override
    public MessageType type() {
      return MessageType.GET_HEADERS;
    }

    @Override
    public void writeBody(Writer w) {
      WireIo.writeHashes(w, locator);
    }
  }

  /** Headers in chain order (a reply, or an announcement of new blocks): {@code | count u32 | header 126 ... |}. */
  record Headers(List<BlockHeader> headers) implements Message {
    public Headers {
      headers = WireIo.bounded(headers, MessageCodec.MAX_HEADERS, "headers");
    }

    @Override
    public MessageType type() {
      return MessageType.HEADERS;
    }

    @Override
    public void writeBody(Writer w) {
      w.u32(headers.size());
      for (BlockHeader h : headers) {
        h.write(w);
      }
    }
  }

  /** Requests full blocks: {@code | count u32 | hash 32 ... |}. */
  record GetBlocks(List<Hash> hashes) implements Message {
    public GetBlocks {
      hashes = WireIo.bounded(hashes, MessageCodec.MAX_BLOCK_REQUEST, "block hashes");
    }

    @Override
    public MessageType type() {
      return MessageType.GET_BLOCKS;
    }

    @Override
    public void writeBody(Writer w) {
      WireIo.writeHashes(w, hashes);
    }
  }

  /** A full block in its canonical encoding. */
  record FullBlock(Block block) implements Message {
    public FullBlock {
      Objects.requireNonNull(block, "block");
    }

    @Override
    public MessageType type() {
      return MessageType.BLOCK;
    }

    @Override
    public void writeBody(Writer w) {
      block.write(w);
    }
  }

  /** Requests the compact form of one block: {@code | hash 32 |}. */
  record GetCompact(Hash hash) implements Message {
    public GetCompact {
      Objects.requireNonNull(hash, "hash");
    }

    @Override
    public MessageType type() {
      return MessageType.GET_COMPACT;
    }

    @Override
    public void writeBody(Writer w) {
      w.fixed(hash);
    }
  }

  /**
   * A block as its header plus 6-byte short ids of its transactions ({@link ShortIds}).
   *
   * <pre>
   * | header 126 | salt u64 | count u32 | shortId 6 ... |
   * </pre>
   */
  record CompactBlock(BlockHeader header, long salt, List<Long> shortIds) implements Message {
    public CompactBlock {
      Objects.requireNonNull(header, "header");
      shortIds = List.copyOf(shortIds);
    }

    @Override
    public MessageType type() {
      return MessageType.COMPACT_BLOCK;
    }

    @Override
    public void writeBody(Writer w) {
      header.write(w);
      w.u64(salt).u32(shortIds.size());
      for (long id : shortIds) {
        w.u32(id >>> 16).raw(new byte[] {(byte) (id >>> 8), (byte) id});
      }
    }
  }

  /** Requests transactions of a block by position: {@code | hash 32 | count u32 | index u32 ... |}. */
  record GetBlockTxs(Hash hash, List<Integer> indexes) implements Message {
    public GetBlockTxs {
      Objects.requireNonNull(hash, "hash");
      indexes = List.copyOf(indexes);
    }

    @Override
    public MessageType type() {
      return MessageType.GET_BLOCK_TXS;
    }

    @Override
    public void writeBody(Writer w) {
      w.fixed(hash).u32(indexes.size());
      for (int i : indexes) {
        w.u32(i);
      }
    }
  }

  /** Transactions of a block, in the order asked: {@code | hash 32 | count u32 | tx ... |}. */
  record BlockTxs(Hash hash, List<Transaction> txs) implements Message {
    public BlockTxs {
      Objects.requireNonNull(hash, "hash");
      txs = List.copyOf(txs);
    }

    @Override
    public MessageType type() {
      return MessageType.BLOCK_TXS;
    }

    @Override
    public void writeBody(Writer w) {
      w.fixed(hash).u32(txs.size());
      for (Transaction tx : txs) {
        tx.write(w);
      }
    }
  }

  /** Asks for known peer addresses. Empty body. */
  record GetAddrs() implements Message {
    @Override
    public MessageType type() {
      return MessageType.GET_ADDRS;
    }

    @Override
    public void writeBody(Writer w) {}
  }

  /** Known peer addresses: {@code | count u32 | (hostLen u8 | host | port u32 | lastSeenMs u64) ... |}. */
  record Addrs(List<NetAddress> addresses) implements Message {
    public Addrs {
      addresses = WireIo.bounded(addresses, MessageCodec.MAX_ADDRS, "addresses");
    }

    @Override
    public MessageType type() {
      return MessageType.ADDRS;
    }

    @Override
    public void writeBody(Writer w) {
      w.u32(addresses.size());
      for (NetAddress a : addresses) {
        WireIo.writeText(w, a.host());
        w.u32(a.port()).u64(a.lastSeenMs());
      }
    }
  }
}
