package io.cairn.node.store;

import static io.cairn.common.testing.SeedCorpus.patched;
import static io.cairn.common.testing.SeedCorpus.plus;
import static io.cairn.common.testing.SeedCorpus.truncated;

import io.cairn.common.address.Address;
import io.cairn.common.amount.Amount;
import io.cairn.common.bytes.Hex;
import io.cairn.common.crypto.Ed25519;
import io.cairn.common.crypto.Hash;
import io.cairn.common.crypto.PublicKey;
import io.cairn.common.model.Block;
import io.cairn.common.model.Transaction;
import io.cairn.common.reason.Reason;
import io.cairn.common.testing.Fixtures;
import io.cairn.common.testing.SeedCorpus;
import io.cairn.node.chain.BlockIndexEntry;
import io.cairn.node.p2p.wire.Message;
import io.cairn.node.p2p.wire.MessageCodec;
import io.cairn.node.p2p.wire.NetAddress;
import io.cairn.node.p2p.wire.PeerAddress;
import io.cairn.node.p2p.wire.ShortTxid;
import io.cairn.node.state.Account;
import io.cairn.node.state.StateDelta;
import io.cairn.node.state.StateDelta.Change;
import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Writes the seed corpora of the node's fuzz targets from the shared {@link Fixtures} plus tricky
 * inputs. Deterministic; run once from the repository root with argument {@code node} and commit
 * the output (docs/reliability.md has the command).
 */
public final class FuzzSeeds {
  private static final String RPC = "io.cairn.node.rpc.DispatcherFuzzTest";
  private static final String DELTA = "io.cairn.node.state.StateDeltaFuzzTest";
  private static final String STORE = "io.cairn.node.store.StoreCodecFuzzTest";
  private static final String MESSAGE = "io.cairn.node.p2p.wire.MessageCodecFuzzTest";
  private static final String FRAMES = "io.cairn.node.p2p.FrameFuzzTest";

  private FuzzSeeds() {}

  public static void main(String[] args) {
    SeedCorpus c = new SeedCorpus(Path.of(args.length > 0 ? args[0] : "node"));
    rpc(c);
    deltas(c);
    store(c);
    p2p(c);
  }

  private static void p2p(SeedCorpus c) {
    Block b = Fixtures.mine(Fixtures.block(Fixtures.genesisHash(), 1, Fixtures.GENESIS_TIME_MS + 1_000,
        Fixtures.transfers(2)));
    Hash h = b.hash();
    List<Message> messages = List.of(
        new Message.Hello(MessageCodec.PROTOCOL_VERSION, Fixtures.genesisHash(), h, 7420, 12,
            BigInteger.valueOf(123_456_789), "cairn/0.1.0"),
        new Message.Ping(-5), new Message.Pong(42), new Message.Bye(Reason.FLOOD, "too much"),
        new Message.InvTx(List.of(ShortTxid.of(h), ShortTxid.of(Fixtures.genesisHash()))),
        new Message.GetTx(List.of(ShortTxid.of(h))), new Message.TxNotFound(List.of(ShortTxid.of(h))),
        new Message.Txs(b.transactions()), new Message.NotFound(true, List.of(h)), new Message.GetMempool(),
        new Message.GetHeaders(List.of(h, Fixtures.genesisHash())), new Message.Headers(List.of(b.header())),
        new Message.GetBlocks(List.of(h)), new Message.FullBlock(b), new Message.GetCompact(h),
        new Message.CompactBlock(b.header(), 99, List.of(0xffff_ffff_ffffL, 1L)),
        new Message.GetBlockTxs(h, List.of(0, 1)), new Message.BlockTxs(h, b.transactions()),
        new Message.GetAddrs(),
        new Message.Addrs(List.of(new NetAddress(new PeerAddress("127.0.0.1", 7420), 5),
            new NetAddress(new PeerAddress("node-1.example", 17421), 0))));
    ByteArrayOutputStream stream = new ByteArrayOutputStream();
    for (Message m : messages) {
      byte[] frame = MessageCodec.encode(m);
      String name = "valid-" + m.type().name().toLowerCase(java.util.Locale.ROOT);
      c.write(MESSAGE, "frame", name, frame);
      byte[] framed = framed(frame);
      c.write(FRAMES, "frames", name, plus(new byte[] {(byte) (framed.length / 2)}, framed));
      stream.writeBytes(framed);
    }
    byte[] all = stream.toByteArray();
    c.write(FRAMES, "frames", "valid-all-types", plus(new byte[] {7}, all));
    byte[] hello = MessageCodec.encode(messages.get(0));
    c.write(MESSAGE, "frame", "unknown-type", new byte[] {(byte) 0xee, 1, 2});
    c.write(MESSAGE, "frame", "hello-trailing-byte", plus(hello, (byte) 0));
    c.write(MESSAGE, "frame", "hello-truncated", truncated(hello, 1));
    c.write(MESSAGE, "frame", "hello-bad-utf8", plus(truncated(hello, 12), (byte) 1, (byte) 0xc3));
    c.write(MESSAGE, "frame", "inv-count-huge", patched(MessageCodec.encode(messages.get(4)), 1,
        (byte) 0xff, (byte) 0xff, (byte) 0xff, (byte) 0xff));
    c.write(FRAMES, "frames", "length-too-long", new byte[] {0, 0x7f, (byte) 0xff, (byte) 0xff, (byte) 0xff, 1});
    c.write(FRAMES, "frames", "empty-frame", new byte[] {0, 0, 0, 0, 0});
    c.write(FRAMES, "frames", "partial-length", new byte[] {1, 0, 0});
  }

  private static byte[] framed(byte[] frame) {
    byte[] out = new byte[frame.length + 4];
    out[0] = (byte) (frame.length >>> 24);
    out[1] = (byte) (frame.length >>> 16);
    out[2] = (byte) (frame.length >>> 8);
    out[3] = (byte) frame.length;
    System.arraycopy(frame, 0, out, 4, frame.length);
    return out;
  }

  private static void rpc(SeedCorpus c) {
    byte[] aliceSeed = new byte[32];
    Arrays.fill(aliceSeed, (byte) 1);
    String alice = Address.of(PublicKey.of(Ed25519.publicKey(aliceSeed))).encode("tcairn");
    String tx = Hex.encode(Fixtures.transfer(0, 1, Amount.ofCrn(5), 0).encode());
    String[][] calls = {
        {"chain_info", "{}"},
        {"chain_getBlock", "{\"height\":1,\"full\":true}"},
        {"chain_getBlock", "[null,0,false]"},
        {"chain_getTransaction", "{\"txid\":\"" + "00".repeat(32) + "\"}"},
        {"state_getAccount", "{\"address\":\"" + alice + "\"}"},
        {"state_getHistory", "{\"address\":\"" + alice + "\",\"limit\":10,\"before\":\"" + "ab".repeat(32) + "\"}"},
        {"tx_submit", "{\"tx\":\"" + tx + "\"}"},
        {"mempool_info", "[]"},
        {"mempool_content", "{\"limit\":5}"},
        {"net_info", "null"},
        {"net_peers", "{}"},
        {"net_addPeer", "{\"address\":\"127.0.0.1:7420\"}"},
        {"net_disconnect", "{\"nodeId\":\"ab12cd34\"}"},
        {"miner_status", "{}"},
        {"miner_mine", "{\"blocks\":2,\"address\":\"" + alice + "\"}"},
        {"node_version", "{}"},
    };
    int id = 1;
    StringBuilder batch = new StringBuilder("[");
    for (String[] call : calls) {
      String json = "{\"jsonrpc\":\"2.0\",\"id\":" + id + ",\"method\":\"" + call[0] + "\",\"params\":" + call[1] + "}";
      c.text(RPC, "request", String.format("valid-%02d-%s", id, call[0]), json);
      batch.append(id == 1 ? "" : ",").append(json);
      id++;
    }
    c.text(RPC, "request", "valid-batch", batch.append("]").toString());
    c.text(RPC, "request", "notification", "{\"jsonrpc\":\"2.0\",\"method\":\"chain_info\"}");
    c.text(RPC, "request", "string-id-unknown-method", "{\"jsonrpc\":\"2.0\",\"id\":\"x\",\"method\":\"nope\"}");
    c.text(RPC, "request", "bad-params-type", "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"chain_getBlock\",\"params\":{\"height\":\"one\"}}");
    c.text(RPC, "request", "unknown-param", "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"chain_info\",\"params\":{\"x\":1}}");
    c.text(RPC, "request", "huge-number", "{\"jsonrpc\":\"2.0\",\"id\":1e999999,\"method\":\"miner_mine\",\"params\":[1e400]}");
    c.text(RPC, "request", "id-object", "{\"jsonrpc\":\"2.0\",\"id\":{},\"method\":\"chain_info\"}");
    c.text(RPC, "request", "empty-batch", "[]");
    c.text(RPC, "request", "batch-of-junk", "[1,\"a\",null,[],{}]");
    c.text(RPC, "request", "deep-nesting", "[".repeat(3_000));
    c.text(RPC, "request", "trailing-data", "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"chain_info\"} {}");
    c.text(RPC, "request", "lenient-json", "{jsonrpc:'2.0',id:1,method:chain_info}");
    c.write(RPC, "request", "not-utf8", new byte[] {'{', (byte) 0xc3, 0x28, '}'});
  }

  private static void deltas(SeedCorpus c) {
    List<Address> sorted = new ArrayList<>(List.of(Fixtures.address(0), Fixtures.address(1), Fixtures.address(2)));
    sorted.sort(null);
    StateDelta transfer = new StateDelta(List.of(
        Change.of(sorted.get(0), new Account(Amount.ofCrn(10), 0), new Account(Amount.ofCrn(4), 1)),
        Change.of(sorted.get(1), Account.EMPTY, new Account(Amount.ofCrn(6), 0)),
        Change.of(sorted.get(2), new Account(Amount.ofUnits(1), 3), Account.EMPTY)));
    byte[] d = transfer.encode();
    c.write(DELTA, "decode", "valid-3-changes", d);
    c.write(DELTA, "decode", "valid-empty", StateDelta.EMPTY.encode());
    c.write(DELTA, "decode", "valid-undo", transfer.undo().encode());
    c.write(DELTA, "decode", "truncated", truncated(d, 3));
    c.write(DELTA, "decode", "trailing-byte", plus(d, (byte) 0));
    c.write(DELTA, "decode", "flags-0", patched(d, 4 + 33, (byte) 0));
    c.write(DELTA, "decode", "count-huge", patched(d, 0, (byte) 0x7f, (byte) 0xff, (byte) 0xff, (byte) 0xff));
    c.write(DELTA, "decode", "descending", swapFirstTwo(transfer));
  }

  /** The two first changes in the wrong order (encoded by hand: the record refuses it). */
  private static byte[] swapFirstTwo(StateDelta delta) {
    byte[] first = new StateDelta(List.of(delta.changes().get(0))).encode();
    byte[] second = new StateDelta(List.of(delta.changes().get(1))).encode();
    byte[] out = new byte[4 + (first.length - 4) + (second.length - 4)];
    out[3] = 2;
    System.arraycopy(second, 4, out, 4, second.length - 4);
    System.arraycopy(first, 4, out, 4 + second.length - 4, first.length - 4);
    return out;
  }

  private static void store(SeedCorpus c) {
    List<Block> chain = Fixtures.emptyChain(2);
    List<Transaction> txs = Fixtures.transfers(3);
    Block b = chain.get(1);
    byte[] entry = IndexEntryCodec.INSTANCE.encode(new BlockIndexEntry(b.hash(), b.header(),
        BigInteger.ONE.shiftLeft(255).add(BigInteger.TEN), BlockIndexEntry.Status.VALID, 42));
    value(c, "index-entry", IndexEntryCodec.INSTANCE, entry);
    byte[] zeroWork = plus(b.header().encode(), (byte) 1, (byte) 0, (byte) 0, (byte) 0, (byte) 0, (byte) 0, (byte) 0,
        (byte) 0, (byte) 0, (byte) 0, (byte) 1);
    value(c, "index-entry-zero-work", IndexEntryCodec.INSTANCE, zeroWork);
    value(c, "index-entry-status-4", IndexEntryCodec.INSTANCE, patched(entry, entry.length - 9, (byte) 4));
    value(c, "index-entry-truncated", IndexEntryCodec.INSTANCE, truncated(entry, 1));
    byte[] body = Codecs.BODY.encode(txs);
    value(c, "body", Codecs.BODY, body);
    value(c, "body-empty", Codecs.BODY, Codecs.BODY.encode(List.of()));
    value(c, "body-count-huge", Codecs.BODY, patched(body, 0, (byte) 0xff, (byte) 0xff, (byte) 0xff, (byte) 0xff));
    value(c, "account", Codecs.ACCOUNT, new Account(Amount.ofCrn(3), 9).encode());
    value(c, "tx-location", Codecs.TX_LOCATION, Codecs.TX_LOCATION.encode(new TxLocation(b.hash(), 2, 1)));
    value(c, "history-key", Codecs.HISTORY_KEY,
        Codecs.HISTORY_KEY.encode(new Codecs.HistoryKey(Fixtures.address(1), 7, 3)));
    value(c, "hash", Codecs.HASH, b.hash().toArray());
    value(c, "u64", Codecs.U64, Codecs.U64.encode(123_456L));
    value(c, "u32", Codecs.U32, Codecs.U32.encode(1));
    value(c, "address", Codecs.ADDRESS, Fixtures.address(2).payload());
  }

  private static void value(SeedCorpus c, String name, Codec<?> codec, byte[] stored) {
    byte[] input = new byte[stored.length + 1];
    input[0] = (byte) StoreCodecFuzzTest.index(codec);
    System.arraycopy(stored, 0, input, 1, stored.length);
    c.write(STORE, "values", name, input);
  }
}
