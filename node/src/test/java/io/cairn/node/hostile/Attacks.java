package io.cairn.node.hostile;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cairn.common.address.Address;
import io.cairn.common.amount.Amount;
import io.cairn.common.crypto.Hash;
import io.cairn.common.crypto.Sha256;
import io.cairn.common.model.Block;
import io.cairn.common.model.BlockHeader;
import io.cairn.common.model.CompactTarget;
import io.cairn.common.model.Transaction;
import io.cairn.common.reason.Reason;
import io.cairn.common.spec.Genesis;
import io.cairn.node.p2p.NodeKey;
import io.cairn.node.p2p.wire.Message;
import io.cairn.node.p2p.wire.MessageCodec;
import io.cairn.node.p2p.wire.NetAddress;
import io.cairn.node.p2p.wire.PeerAddress;
import io.cairn.node.testing.TestKey;
import io.cairn.node.testing.TestSpecs;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * The catalogue of attacks, one script each. A script performs its attack through {@link Arena},
 * asserts the victim's immediate answer (usually a BYE with a reason code) and returns who offended;
 * {@link HostilePeerIT} then checks, the same way for every attack, that the offenders got the
 * documented {@link Response}, that the victim's state did not move and that the honest peer still
 * delivers blocks.
 */
final class Attacks {
  private static final Random RANDOM = new Random(9);

  private Attacks() {}

  /** What the node is documented to do with the offender. */
  enum Response {
    BANNED("disconnected with BYE, node id banned"),
    REFUSED("refused with BYE at the handshake; host throttled unless local; node id not banned"),
    TOLERATED("kept connected; answered, ignored or rate-limited");

    final String text;

    Response(String text) {
      this.text = text;
    }
  }

  /** What a script leaves for the common checks. */
  record Outcome(List<NodeKey> offenders, Set<String> legitTxids, Hash expectedTip, String observed) {
    static Outcome of(String observed, HostilePeer... offenders) {
      List<NodeKey> keys = new ArrayList<>();
      for (HostilePeer p : offenders) {
        keys.add(p.key());
      }
      return new Outcome(keys, Set.of(), null, observed);
    }

    /** A legitimate block arrived during the attack: the victim's tip should be {@code tip}. */
    Outcome withExpectedTip(Hash tip) {
      return new Outcome(offenders, legitTxids, tip, observed);
    }
  }

  interface Script {
    Outcome run(Arena a) throws Exception;
  }

  record Attack(String name, Response response, String expected, Script script) {
    @Override
    public String toString() {
      return name;
    }
  }

  static List<Attack> all() {
    return List.of(
        new Attack("invalid signature, relayed tx", Response.BANNED, "BYE bad-signature", Attacks::badSignatureTx),
        new Attack("invalid signature, in a block", Response.BANNED, "BYE bad-signature", Attacks::badSignatureBlock),
        new Attack("double spend inside a block", Response.BANNED, "BYE nonce-too-low", Attacks::doubleSpend),
        new Attack("overspend", Response.BANNED,
            "relayed: refused (insufficient-funds), kept; in a block: BYE insufficient-funds", Attacks::overspend),
        new Attack("bad nonce", Response.BANNED,
            "relayed: refused (nonce-gap-too-large), kept; in a block: BYE nonce-too-high", Attacks::badNonce),
        new Attack("another network's genesis", Response.REFUSED, "BYE wrong-genesis", Attacks::wrongGenesis),
        new Attack("bad proof of work", Response.BANNED, "BYE bad-pow", Attacks::badPow),
        new Attack("wrong target", Response.BANNED, "BYE bad-target", Attacks::wrongTarget),
        new Attack("timestamp too far ahead", Response.BANNED, "BYE time-too-new", Attacks::timeTooNew),
        new Attack("bad Merkle root", Response.BANNED, "BYE bad-merkle-root", Attacks::badMerkleRoot),
        new Attack("mutated block (valid header, altered body)", Response.BANNED,
            "BYE bad-merkle-root; the header stays valid: the real body from another peer is accepted",
            Attacks::mutatedBlock),
        new Attack("oversized block", Response.BANNED, "BYE block-too-large", Attacks::oversizedBlock),
        new Attack("oversized frame, over-long list", Response.BANNED, "BYE frame-too-large; BYE malformed",
            Attacks::oversizedFrame),
        new Attack("truncated frame", Response.BANNED, "BYE malformed", Attacks::truncatedFrame),
        new Attack("unknown message type", Response.BANNED, "BYE unknown-message", Attacks::unknownType),
        new Attack("announcement flood", Response.TOLERATED,
            "at most 2,000 txids in flight to it; honest transactions still relayed at once", Attacks::announcementFlood),
        new Attack("address flood", Response.BANNED,
            "1,000 unsolicited: BYE unsolicited; many small ADDRS: rate-limited", Attacks::addressFlood),
        new Attack("low-work header spam", Response.TOLERATED,
            "headers stored, bodies asked for, then forgotten; not syncing afterwards", Attacks::lowWorkHeaders),
        new Attack("orphan block spam", Response.BANNED,
            "headers asked 10 times, then BYE flood; unsolicited BLOCK: BYE unsolicited", Attacks::orphanSpam),
        new Attack("requests for unknown data", Response.TOLERATED, "NOT_FOUND for each, link kept",
            Attacks::unknownData),
        new Attack("handshake that never finishes", Response.REFUSED,
            "BYE handshake-timeout after 10 s; handshakes beyond the cap closed at once", Attacks::endlessHandshake),
        new Attack("more inbound connections than allowed", Response.REFUSED,
            "ADDRS then BYE too-many-peers", Attacks::tooManyInbound),
        new Attack("handshake claiming a far higher chain", Response.TOLERATED,
            "kept; the claim alone does not make the node syncing (which pauses mining)", Attacks::lyingHello));
  }

  // ------------------------------------------------------------------------------ transactions

  private static Transaction transfer(Arena a, int from, int to, Amount amount, long nonceAhead) {
    TestKey k = TestKey.of(from);
    long nonce = a.victimRpc.account(k.address()).nonce() + nonceAhead;
    return k.transfer(a.genesis, TestKey.of(to).address(), amount, a.spec.minFee(), nonce);
  }

  static Outcome badSignatureTx(Arena a) throws Exception {
    HostilePeer p = a.attacker();
    Transaction tx = Forge.withBadSignature(transfer(a, 1, 41, Amount.ofCrn(1), 0));
    p.send(new Message.InvTx(List.of(tx.txid())));
    p.awaitMessage(m -> m instanceof Message.GetTx g && g.txids().contains(tx.txid()), Arena.STEP).orElseThrow();
    p.send(new Message.Txs(List.of(tx)));
    Arena.assertBye(p, p.awaitBye(Arena.STEP), Reason.BAD_SIGNATURE);
    return Outcome.of("BYE bad-signature", p);
  }

  static Outcome badSignatureBlock(Arena a) throws Exception {
    HostilePeer p = a.attacker();
    Block b = a.forge(p).draft().tx(Forge.withBadSignature(transfer(a, 1, 41, Amount.ofCrn(1), 0))).mine();
    Arena.assertBye(p, a.announceAndServe(p, b), Reason.BAD_SIGNATURE);
    return Outcome.of("BYE bad-signature", p);
  }

  static Outcome doubleSpend(Arena a) throws Exception {
    HostilePeer p = a.attacker();
    Transaction pay = transfer(a, 2, 42, Amount.ofCrn(600_000), 0);
    Transaction again = transfer(a, 2, 43, Amount.ofCrn(600_000), 0);
    Block b = a.forge(p).draft().tx(pay).tx(again).mine();
    Arena.assertBye(p, a.announceAndServe(p, b), Reason.NONCE_TOO_LOW);
    return Outcome.of("BYE nonce-too-low", p);
  }

  static Outcome overspend(Arena a) throws Exception {
    HostilePeer p = a.attacker();
    Amount balance = a.victimRpc.account(TestKey.of(3).address()).balance();
    Transaction tx = transfer(a, 3, 44, balance, 0); // amount + fee > balance
    a.relayRefused(p, tx);
    Block b = a.forge(p).draft().tx(tx).mine();
    Arena.assertBye(p, a.announceAndServe(p, b), Reason.INSUFFICIENT_FUNDS);
    return Outcome.of("relayed: NOT_FOUND afterwards, link kept; block: BYE insufficient-funds", p);
  }

  static Outcome badNonce(Arena a) throws Exception {
    HostilePeer p = a.attacker();
    a.relayRefused(p, transfer(a, 4, 45, Amount.ofCrn(1), 100));
    Block b = a.forge(p).draft().tx(transfer(a, 4, 45, Amount.ofCrn(1), 1)).mine();
    Arena.assertBye(p, a.announceAndServe(p, b), Reason.NONCE_TOO_HIGH);
    return Outcome.of("relayed: NOT_FOUND afterwards, link kept; block: BYE nonce-too-high", p);
  }

  // ------------------------------------------------------------------------------ handshake

  static Outcome wrongGenesis(Arena a) throws Exception {
    Hash other = Genesis.hash(TestSpecs.withAllocations(1, Amount.ofCrn(1)));
    HostilePeer p = a.connectOnly();
    p.send(p.helloFor(other));
    Arena.assertBye(p, p.awaitBye(Arena.STEP), Reason.WRONG_GENESIS);
    return Outcome.of("BYE wrong-genesis", p);
  }

  static Outcome endlessHandshake(Arena a) throws Exception {
    HostilePeer silent = a.connectOnly(); // TLS done, HELLO never sent
    List<Socket> raw = new ArrayList<>();
    int refusedAtOnce = 0;
    List<Hash> mined;
    try {
      for (int i = 0; i < 10; i++) {
        Socket s = new Socket("127.0.0.1", a.victim.p2pPort()); // not even TLS
        s.setSoTimeout(1_000);
        raw.add(s);
      }
      refusedAtOnce += closedWithin(raw.get(raw.size() - 1)) ? 1 : 0; // waits 1 s: the victim has seen them all
      for (Socket s : raw.subList(0, raw.size() - 1)) {
        s.setSoTimeout(100);
        refusedAtOnce += closedWithin(s) ? 1 : 0;
      }
      // 1 + 10 links in their handshake, 8 allowed at once (max(8, inbound slots)).
      assertEquals(3, refusedAtOnce, "links beyond the handshake cap are closed at once");
      mined = a.honestRpc.mine(1);
      await().atMost(Arena.STEP).until(() -> a.victimRpc.tip().hash().equals(mined.get(0)));
      Arena.assertBye(silent, silent.awaitBye(Duration.ofSeconds(15)), Reason.HANDSHAKE_TIMEOUT);
      for (Socket s : raw) {
        s.setSoTimeout(5_000);
        assertTrue(closedWithin(s), "a silent TCP link is closed after the handshake timeout");
      }
    } finally {
      for (Socket s : raw) {
        s.close();
      }
    }
    return Outcome.of(refusedAtOnce + " of 11 closed at once (cap 8); a block mined meanwhile arrived; the rest"
        + " closed after 10 s, the TLS one with BYE handshake-timeout", silent).withExpectedTip(mined.get(0));
  }

  private static boolean closedWithin(Socket s) throws java.io.IOException {
    InputStream in = s.getInputStream();
    try {
      byte[] buf = new byte[1024];
      while (true) {
        if (in.read(buf) < 0) {
          return true;
        }
      }
    } catch (SocketTimeoutException e) {
      return false;
    } catch (java.net.SocketException e) {
      return true; // reset by the victim
    }
  }

  static Outcome tooManyInbound(Arena a) throws Exception {
    int slots = a.victim.config().maxPeers();
    List<HostilePeer> held = new ArrayList<>();
    for (int i = 0; i < slots; i++) {
      held.add(a.attacker());
    }
    await().atMost(Arena.STEP).until(() -> a.victimRpc.inboundCount() == slots);
    List<HostilePeer> extra = new ArrayList<>();
    for (int i = 0; i < 2; i++) {
      HostilePeer p = a.connectOnly();
      p.hello(a.genesis);
      p.awaitMessage(m -> m instanceof Message.Addrs, Arena.STEP)
          .orElseThrow(() -> new AssertionError("no ADDRS before the refusal"));
      Arena.assertBye(p, p.awaitBye(Arena.STEP), Reason.TOO_MANY_PEERS);
      extra.add(p);
    }
    assertEquals(slots, a.victimRpc.inboundCount());
    held.forEach(HostilePeer::close);
    await().atMost(Arena.STEP).until(() -> a.victimRpc.inboundCount() == 0);
    return Outcome.of(slots + " accepted, 2 more got ADDRS then BYE too-many-peers", extra.toArray(HostilePeer[]::new));
  }

  static Outcome lyingHello(Arena a) throws Exception {
    HostilePeer tall = a.connectOnly();
    tall.hello(tall.helloFor(a.genesis, 1_000_000, java.math.BigInteger.ONE));
    HostilePeer heavy = a.connectOnly();
    heavy.hello(heavy.helloFor(a.genesis, 1_000_000, java.math.BigInteger.ONE.shiftLeft(200)));
    heavy.awaitMessage(m -> m instanceof Message.GetHeaders, Arena.STEP)
        .orElseThrow(() -> new AssertionError("a peer claiming more work was not asked for headers"));
    heavy.send(new Message.Headers(List.of())); // nothing after the victim's locator after all
    await().atMost(Arena.STEP).during(Duration.ofMillis(2_500)).until(() -> !a.victimRpc.syncing());
    return Outcome.of("claims of height 1,000,000 (one with more work, answering GET_HEADERS with none):"
        + " not syncing", tall, heavy);
  }

  // ------------------------------------------------------------------------------ headers and blocks

  static Outcome badPow(Arena a) throws Exception {
    HostilePeer p = a.attacker();
    Block b = a.forge(p).draft().mineBadPow();
    p.send(new Message.Headers(List.of(b.header())));
    Arena.assertBye(p, p.awaitBye(Arena.STEP), Reason.BAD_POW);
    return Outcome.of("BYE bad-pow on the header, body never asked", p);
  }

  static Outcome wrongTarget(Arena a) throws Exception {
    HostilePeer p = a.attacker();
    Forge.Draft d = a.forge(p).draft();
    int harder = CompactTarget.compact(CompactTarget.expand(d.requiredBits()).shiftRight(8)); // claims 256x the work
    Block b = d.bits(harder).mine();
    p.send(new Message.Headers(List.of(b.header())));
    Arena.assertBye(p, p.awaitBye(Arena.STEP), Reason.BAD_TARGET);
    return Outcome.of("BYE bad-target (header claimed 256x the work)", p);
  }

  static Outcome timeTooNew(Arena a) throws Exception {
    HostilePeer p = a.attacker();
    Block b = a.forge(p).draft().timestamp(System.currentTimeMillis() + 60_000).mine();
    p.send(new Message.Headers(List.of(b.header())));
    Arena.assertBye(p, p.awaitBye(Arena.STEP), Reason.TIME_TOO_NEW);
    return Outcome.of("BYE time-too-new (60 s ahead)", p);
  }

  static Outcome badMerkleRoot(Arena a) throws Exception {
    HostilePeer p = a.attacker();
    Hash junk = Sha256.hash("not the transactions".getBytes(StandardCharsets.US_ASCII));
    Block b = a.forge(p).draft().tx(transfer(a, 5, 46, Amount.ofCrn(1), 0)).merkleRoot(junk).mine();
    Arena.assertBye(p, a.announceAndServe(p, b), Reason.BAD_MERKLE_ROOT);
    return Outcome.of("BYE bad-merkle-root", p);
  }

  static Outcome mutatedBlock(Arena a) throws Exception {
    HostilePeer evil = a.attacker();
    HostilePeer courier = a.attacker(); // behaves: serves the real block
    Block good = a.forge(evil).draft().miner(TestKey.of(98).address()).mine();
    Block mutated = new Block(good.header(), List.of(transfer(a, 8, 49, Amount.ofCrn(1), 0)));
    a.announceAndServe(evil, good.header(), mutated);
    Arena.assertBye(evil, evil.awaitBye(Arena.STEP), Reason.BAD_MERKLE_ROOT);
    a.announceAndServe(courier, good.header(), good);
    await().atMost(Arena.STEP).until(() -> a.victimRpc.tip().hash().equals(good.hash()));
    await().atMost(Arena.STEP).until(() -> a.honestRpc.tip().hash().equals(good.hash()));
    return Outcome.of("BYE bad-merkle-root; the same header with its real body from another peer became the tip"
        + " (and reached the honest node)", evil).withExpectedTip(good.hash());
  }

  static Outcome oversizedBlock(Arena a) throws Exception {
    HostilePeer p = a.attacker();
    Forge f = a.forge(p);
    TestKey k = TestKey.of(6);
    long nonce = a.victimRpc.account(k.address()).nonce();
    Forge.Draft d = f.draft();
    int n = a.spec.maxBlockSize() / Transaction.MAX_ENCODED_LENGTH + 10;
    for (int i = 0; i < n; i++) {
      d.tx(f.bulky(k, TestKey.of(47).address(), nonce + i));
    }
    Block b = d.mine();
    assertTrue(b.encodedLength() > a.spec.maxBlockSize());
    Arena.assertBye(p, a.announceAndServe(p, b), Reason.BLOCK_TOO_LARGE);
    return Outcome.of("BYE block-too-large (" + b.encodedLength() + " bytes, limit " + a.spec.maxBlockSize() + ")", p);
  }

  static Outcome lowWorkHeaders(Arena a) throws Exception {
    HostilePeer p = a.attacker();
    Forge f = a.forge(p);
    BlockHeader parent = Genesis.block(a.spec).header();
    List<BlockHeader> branch = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      parent = f.draftOn(parent).mine().header();
      branch.add(parent);
    }
    for (int i = 0; i < branch.size(); i += 2) {
      p.send(new Message.Headers(branch.subList(i, i + 2))); // announcement-sized, so not "unsolicited"
    }
    p.awaitMessage(m -> m instanceof Message.GetBlocks || m instanceof Message.GetCompact, Arena.STEP)
        .orElseThrow(() -> new AssertionError("the victim never asked for the branch's bodies"));
    long t0 = System.nanoTime();
    await().atMost(Duration.ofSeconds(20)).until(() -> !a.victimRpc.syncing());
    return Outcome.of("8 headers from genesis stored, bodies asked for; no longer syncing "
        + (System.nanoTime() - t0) / 1_000_000 + " ms after the first request", p);
  }

  static Outcome orphanSpam(Arena a) throws Exception {
    HostilePeer p = a.attacker();
    int asked = 0;
    Message.Bye bye = null;
    for (int i = 0; i < 20 && bye == null; i++) {
      p.send(new Message.Headers(List.of(orphan(100 + i))));
      Message m = p.awaitMessage(x -> x instanceof Message.GetHeaders || x instanceof Message.Bye, Arena.STEP)
          .orElseThrow(() -> new AssertionError("no answer to an orphan announcement"));
      if (m instanceof Message.Bye b) {
        bye = b;
      } else {
        asked++;
      }
    }
    assertTrue(bye != null, "never banned for orphan announcements");
    Arena.assertBye(p, bye, Reason.FLOOD);
    HostilePeer q = a.attacker();
    BlockHeader h = orphan(500);
    q.send(new Message.FullBlock(new Block(h, List.of())));
    Arena.assertBye(q, q.awaitBye(Arena.STEP), Reason.UNSOLICITED);
    return Outcome.of("headers asked " + asked + " times, then BYE flood; unsolicited orphan BLOCK: BYE unsolicited", p, q);
  }

  /** A header with valid proof of work on a parent nobody knows. */
  private static BlockHeader orphan(long height) {
    byte[] prev = new byte[32];
    RANDOM.nextBytes(prev);
    BlockHeader h = new BlockHeader(BlockHeader.VERSION, height, Hash.of(prev), Hash.ZERO, System.currentTimeMillis(),
        CompactTarget.POW_LIMIT_BITS, 0, Forge.ATTACKER_MINER);
    long nonce = 0;
    while (!CompactTarget.meets(h.withNonce(nonce).hash(), CompactTarget.POW_LIMIT)) {
      nonce++;
    }
    return h.withNonce(nonce);
  }

  // ------------------------------------------------------------------------------ frames

  static Outcome oversizedFrame(Arena a) throws Exception {
    HostilePeer p = a.attacker();
    p.sendRaw(new byte[] {0x06, 0, 0, 0, 0x10, 1, 2, 3}); // announces a 100 MiB frame
    Arena.assertBye(p, p.awaitBye(Arena.STEP), Reason.FRAME_TOO_LARGE);
    HostilePeer q = a.attacker();
    // An INV_TX whose count says one id more than the limit (and carries it).
    byte[] body = MessageCodec.encode(new Message.InvTx(randomHashes(MessageCodec.MAX_INV)));
    byte[] longer = java.util.Arrays.copyOf(body, body.length + 32);
    int count = MessageCodec.MAX_INV + 1;
    longer[1] = (byte) (count >>> 24);
    longer[2] = (byte) (count >>> 16);
    longer[3] = (byte) (count >>> 8);
    longer[4] = (byte) count;
    q.sendRaw(HostilePeer.frame(longer));
    Arena.assertBye(q, q.awaitBye(Arena.STEP), Reason.MALFORMED);
    return Outcome.of("100 MiB length: BYE frame-too-large; INV_TX of 5,001 ids: BYE malformed", p, q);
  }

  static Outcome truncatedFrame(Arena a) throws Exception {
    HostilePeer p = a.attacker();
    byte[] body = MessageCodec.encode(new Message.Headers(List.of(Genesis.block(a.spec).header())));
    body[4] = 3; // claims 3 headers, carries 1
    p.sendRaw(HostilePeer.frame(body));
    Arena.assertBye(p, p.awaitBye(Arena.STEP), Reason.MALFORMED);
    return Outcome.of("HEADERS claiming 3, carrying 1: BYE malformed", p);
  }

  static Outcome unknownType(Arena a) throws Exception {
    HostilePeer p = a.attacker();
    p.sendRaw(HostilePeer.frame(new byte[] {0x7f, 1, 2, 3}));
    Arena.assertBye(p, p.awaitBye(Arena.STEP), Reason.UNKNOWN_MESSAGE);
    return Outcome.of("type 0x7f: BYE unknown-message", p);
  }

  // ------------------------------------------------------------------------------ floods

  static Outcome announcementFlood(Arena a) throws Exception {
    HostilePeer p = a.attacker();
    for (int i = 0; i < 50; i++) { // more than the victim's whole fetch backlog (200,000)
      p.send(new Message.InvTx(randomHashes(MessageCodec.MAX_INV)));
    }
    // Never answered: count what the victim asks of us before its first request can time out (2 s).
    p.awaitMessage(x -> x instanceof Message.GetTx, Arena.STEP).orElseThrow();
    long first = p.timeline().stream().filter(t -> t.received() instanceof Message.GetTx).findFirst().orElseThrow().nanos();
    long window = first + Duration.ofMillis(1_500).toNanos();
    await().atMost(Arena.STEP).until(() -> System.nanoTime() > window);
    int asked = p.timeline().stream().filter(t -> t.nanos() <= window && t.received() instanceof Message.GetTx)
        .mapToInt(t -> ((Message.GetTx) t.received()).txids().size()).sum();
    assertTrue(asked > 0 && asked <= 2_000, "asked for " + asked + " txids at once");
    Transaction honestTx = transfer(a, 7, 48, Amount.ofCrn(1), 0);
    long t0 = System.nanoTime();
    String txid = a.honestRpc.submit(honestTx);
    await().atMost(Arena.STEP).until(() -> a.victimRpc.mempoolTxids().contains(txid));
    long ms = (System.nanoTime() - t0) / 1_000_000;
    return new Outcome(List.of(p.key()), Set.of(txid), null, "250,000 unknown txids announced: " + asked
        + " asked at once; an honest tx reached the victim in " + ms + " ms");
  }

  static Outcome addressFlood(Arena a) throws Exception {
    int before = a.victimRpc.knownAddresses();
    HostilePeer p = a.attacker();
    p.send(new Message.Addrs(junkAddresses(0, MessageCodec.MAX_ADDRS)));
    Arena.assertBye(p, p.awaitBye(Arena.STEP), Reason.UNSOLICITED);
    assertEquals(before, a.victimRpc.knownAddresses(), "addresses of a banned peer were kept");
    HostilePeer q = a.attacker();
    for (int i = 0; i < 100; i++) {
      q.send(new Message.Addrs(junkAddresses(1_000 + i * 10, 10)));
    }
    q.send(new Message.GetTx(List.of(Hash.ZERO))); // barrier: answered after every ADDRS was handled
    q.awaitMessage(m -> m instanceof Message.NotFound, Arena.STEP).orElseThrow();
    int learnt = a.victimRpc.knownAddresses() - before;
    assertTrue(learnt <= 10, "100 unsolicited ADDRS of 10 each added " + learnt + " addresses");
    return Outcome.of("1,000 unsolicited: BYE unsolicited, none kept; 100 x 10 unsolicited: " + learnt + " kept", p);
  }

  static Outcome unknownData(Arena a) throws Exception {
    HostilePeer p = a.attacker();
    int notFound = 0;
    for (int round = 0; round < 20; round++) {
      p.send(new Message.GetTx(randomHashes(100)));
      p.send(new Message.GetBlocks(randomHashes(MessageCodec.MAX_BLOCK_REQUEST)));
      p.send(new Message.GetCompact(randomHashes(1).get(0)));
      p.send(new Message.GetBlockTxs(randomHashes(1).get(0), List.of(0, 1, 2)));
      p.send(new Message.GetAddrs());
      p.send(new Message.GetMempool());
      for (int i = 0; i < 4; i++) {
        p.awaitMessage(m -> m instanceof Message.NotFound, Arena.STEP)
            .orElseThrow(() -> new AssertionError("a request for unknown data went unanswered"));
        notFound++;
      }
    }
    long addrs = p.received().stream().filter(m -> m instanceof Message.Addrs).count();
    assertTrue(addrs <= 1, "GET_ADDRS answered " + addrs + " times in a burst");
    assertTrue(p.isOpen());
    return Outcome.of(notFound + " NOT_FOUND replies, GET_ADDRS answered " + addrs + " time(s) of 20; link kept", p);
  }

  private static List<Hash> randomHashes(int n) {
    List<Hash> out = new ArrayList<>(n);
    byte[] b = new byte[32];
    for (int i = 0; i < n; i++) {
      RANDOM.nextBytes(b);
      out.add(Hash.of(b));
    }
    return out;
  }

  private static List<NetAddress> junkAddresses(int from, int n) {
    List<NetAddress> out = new ArrayList<>(n);
    for (int i = from; i < from + n; i++) {
      out.add(new NetAddress(new PeerAddress("203.0.113." + (i % 250 + 1), 1_024 + i), System.currentTimeMillis()));
    }
    return out;
  }

  static Set<Address> involved() {
    Set<Address> s = new HashSet<>();
    for (int i : new int[] {1, 2, 3, 4, 5, 6, 7, 8, 41, 42, 43, 44, 45, 46, 47, 48, 49}) {
      s.add(TestKey.of(i).address());
    }
    s.add(Forge.ATTACKER_MINER);
    return s;
  }
}
