package io.cairn.node.hostile;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cairn.common.amount.Amount;
import io.cairn.common.crypto.Hash;
import io.cairn.common.crypto.Sha256;
import io.cairn.common.model.Block;
import io.cairn.common.model.BlockHeader;
import io.cairn.common.model.CompactTarget;
import io.cairn.common.model.Transaction;
import io.cairn.common.reason.Reason;
import io.cairn.common.spec.Genesis;
import io.cairn.node.hostile.Attacks.Outcome;
import io.cairn.node.p2p.wire.Message;
import io.cairn.node.p2p.wire.ShortTxid;
import io.cairn.node.testing.TestKey;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Attacks with transactions, headers and blocks: each valid but for one thing (see {@link Attacks}). */
final class ChainAttacks {
  private ChainAttacks() {}

  static Outcome badSignatureTx(Arena a) throws Exception {
    HostilePeer p = a.attacker();
    Transaction tx = Forge.withBadSignature(Attacks.transfer(a, 1, 41, Amount.ofCrn(1), 0));
    ShortTxid sid = ShortTxid.of(tx.txid());
    p.send(new Message.InvTx(List.of(sid)));
    p.awaitMessage(m -> m instanceof Message.GetTx g && g.txids().contains(sid), Arena.STEP).orElseThrow();
    p.send(new Message.Txs(List.of(tx)));
    Arena.assertBye(p, p.awaitBye(Arena.STEP), Reason.BAD_SIGNATURE);
    return Outcome.of("BYE bad-signature", p);
  }

  static Outcome badSignatureBlock(Arena a) throws Exception {
    HostilePeer p = a.attacker();
    Block b = a.forge(p).draft().tx(Forge.withBadSignature(Attacks.transfer(a, 1, 41, Amount.ofCrn(1), 0))).mine();
    Arena.assertBye(p, a.announceAndServe(p, b), Reason.BAD_SIGNATURE);
    return Outcome.of("BYE bad-signature", p);
  }

  static Outcome doubleSpend(Arena a) throws Exception {
    HostilePeer p = a.attacker();
    Transaction pay = Attacks.transfer(a, 2, 42, Amount.ofCrn(600_000), 0);
    Transaction again = Attacks.transfer(a, 2, 43, Amount.ofCrn(600_000), 0);
    Block b = a.forge(p).draft().tx(pay).tx(again).mine();
    Arena.assertBye(p, a.announceAndServe(p, b), Reason.NONCE_TOO_LOW);
    return Outcome.of("BYE nonce-too-low", p);
  }

  static Outcome overspend(Arena a) throws Exception {
    HostilePeer p = a.attacker();
    Amount balance = a.victimRpc.account(TestKey.of(3).address()).balance();
    Transaction tx = Attacks.transfer(a, 3, 44, balance, 0); // amount + fee > balance
    a.relayRefused(p, tx);
    Block b = a.forge(p).draft().tx(tx).mine();
    Arena.assertBye(p, a.announceAndServe(p, b), Reason.INSUFFICIENT_FUNDS);
    return Outcome.of("relayed: NOT_FOUND afterwards, link kept; block: BYE insufficient-funds", p);
  }

  static Outcome badNonce(Arena a) throws Exception {
    HostilePeer p = a.attacker();
    a.relayRefused(p, Attacks.transfer(a, 4, 45, Amount.ofCrn(1), 100));
    Block b = a.forge(p).draft().tx(Attacks.transfer(a, 4, 45, Amount.ofCrn(1), 1)).mine();
    Arena.assertBye(p, a.announceAndServe(p, b), Reason.NONCE_TOO_HIGH);
    return Outcome.of("relayed: NOT_FOUND afterwards, link kept; block: BYE nonce-too-high", p);
  }

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
    Block b = a.forge(p).draft().tx(Attacks.transfer(a, 5, 46, Amount.ofCrn(1), 0)).merkleRoot(junk).mine();
    Arena.assertBye(p, a.announceAndServe(p, b), Reason.BAD_MERKLE_ROOT);
    return Outcome.of("BYE bad-merkle-root", p);
  }

  static Outcome mutatedBlock(Arena a) throws Exception {
    HostilePeer evil = a.attacker();
    HostilePeer courier = a.attacker(); // behaves: serves the real block
    Block good = a.forge(evil).draft().miner(TestKey.of(98).address()).mine();
    Block mutated = new Block(good.header(), List.of(Attacks.transfer(a, 8, 49, Amount.ofCrn(1), 0)));
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

  /**
   * Three valid headers on the victim's tip whose bodies the attacker never sends (NOT_FOUND to every
   * request). The peer then claims a chain 3 blocks taller that it does not back up; the claim alone
   * must not keep the victim "syncing" (which pauses its miner) once the bodies are given up on.
   */
  static Outcome withheldBodies(Arena a) throws Exception {
    HostilePeer p = a.attacker();
    List<Block> branch = branchOnTip(a.forge(p), 3);
    p.send(new Message.Headers(branch.stream().map(Block::header).toList())); // announcement-sized
    int refused = 0;
    long t0 = System.nanoTime();
    long deadline = t0 + Duration.ofSeconds(30).toNanos();
    while ((refused == 0 || a.victimRpc.syncing()) && System.nanoTime() < deadline) {
      Optional<BodyRequest> asked = bodiesAsked(p);
      if (asked.isPresent()) {
        p.send(new Message.NotFound(true, asked.get().hashes()));
        refused++;
      }
    }
    assertTrue(refused > 0, "the victim never asked for the bodies");
    assertFalse(a.victimRpc.syncing(), "still syncing 30 s after the first request");
    return Outcome.of("bodies asked for " + refused + " times, then forgotten; not syncing "
        + (System.nanoTime() - t0) / 1_000_000 + " ms after the headers; link kept", p);
  }

  /**
   * Three valid blocks on the victim's tip: the first body refused (NOT_FOUND), its two descendants
   * served. The descendants wait for a parent that never comes; once that body is given up they must
   * not keep the node "syncing" (which pauses its miner).
   */
  static Outcome withheldParent(Arena a) throws Exception {
    HostilePeer p = a.attacker();
    List<Block> branch = branchOnTip(a.forge(p), 3);
    p.send(new Message.Headers(branch.stream().map(Block::header).toList()));
    Hash withheld = branch.get(0).hash();
    int refused = 0;
    int served = 0;
    long t0 = System.nanoTime();
    long deadline = t0 + Duration.ofSeconds(30).toNanos();
    while ((refused == 0 || served == 0 || a.victimRpc.syncing()) && System.nanoTime() < deadline) {
      Optional<BodyRequest> asked = bodiesAsked(p);
      if (asked.isEmpty()) {
        continue;
      }
      for (Hash h : asked.get().hashes()) {
        Optional<Block> body = branch.stream().filter(x -> x.hash().equals(h)).findFirst();
        if (h.equals(withheld) || body.isEmpty() || asked.get().compact()) {
          p.send(new Message.NotFound(true, List.of(h)));
          refused++;
        } else {
          p.send(new Message.FullBlock(body.get()));
          served++;
        }
      }
    }
    assertTrue(refused > 0 && served > 0, "the victim never asked for every body: refused " + refused + ", served " + served);
    assertFalse(a.victimRpc.syncing(), "still syncing 30 s after the headers");
    return Outcome.of("first body refused " + refused + " times, " + served + " descendants served; not syncing "
        + (System.nanoTime() - t0) / 1_000_000 + " ms after the headers; link kept", p);
  }

  /** {@code n} valid blocks, each on the one before, the first on the victim's tip. */
  private static List<Block> branchOnTip(Forge f, int n) {
    List<Block> branch = new ArrayList<>();
    Block b = f.draft().mine();
    branch.add(b);
    for (int i = 1; i < n; i++) {
      b = f.draftOn(b.header()).mine();
      branch.add(b);
    }
    return branch;
  }

  /** A body request from the victim: GET_BLOCKS, or GET_COMPACT ({@code compact}) for one block. */
  private record BodyRequest(List<Hash> hashes, boolean compact) {}

  /** The next body request the victim sends, or nothing within 300 ms. */
  private static Optional<BodyRequest> bodiesAsked(HostilePeer p) throws InterruptedException {
    return p.awaitMessage(x -> x instanceof Message.GetBlocks || x instanceof Message.GetCompact, Duration.ofMillis(300))
        .map(m -> m instanceof Message.GetBlocks g ? new BodyRequest(g.hashes(), false)
            : new BodyRequest(List.of(((Message.GetCompact) m).hash()), true));
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
    Attacks.RANDOM.nextBytes(prev);
    BlockHeader h = new BlockHeader(BlockHeader.VERSION, height, Hash.of(prev), Hash.ZERO, System.currentTimeMillis(),
        CompactTarget.POW_LIMIT_BITS, 0, Forge.ATTACKER_MINER);
    long nonce = 0;
    while (!CompactTarget.meets(h.withNonce(nonce).hash(), CompactTarget.POW_LIMIT)) {
      nonce++;
    }
    return h.withNonce(nonce);
  }
}
