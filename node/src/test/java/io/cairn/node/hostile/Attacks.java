package io.cairn.node.hostile;

import io.cairn.common.address.Address;
import io.cairn.common.amount.Amount;
import io.cairn.common.crypto.Hash;
import io.cairn.common.model.Transaction;
import io.cairn.node.p2p.NodeKey;
import io.cairn.node.p2p.wire.ShortTxid;
import io.cairn.node.testing.TestKey;
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
  static final Random RANDOM = new Random(9);

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
        new Attack("invalid signature, relayed tx", Response.BANNED, "BYE bad-signature", ChainAttacks::badSignatureTx),
        new Attack("invalid signature, in a block", Response.BANNED, "BYE bad-signature", ChainAttacks::badSignatureBlock),
        new Attack("double spend inside a block", Response.BANNED, "BYE nonce-too-low", ChainAttacks::doubleSpend),
        new Attack("overspend", Response.BANNED,
            "relayed: refused (insufficient-funds), kept; in a block: BYE insufficient-funds", ChainAttacks::overspend),
        new Attack("bad nonce", Response.BANNED,
            "relayed: refused (nonce-gap-too-large), kept; in a block: BYE nonce-too-high", ChainAttacks::badNonce),
        new Attack("another network's genesis", Response.REFUSED, "BYE wrong-genesis", LinkAttacks::wrongGenesis),
        new Attack("bad proof of work", Response.BANNED, "BYE bad-pow", ChainAttacks::badPow),
        new Attack("wrong target", Response.BANNED, "BYE bad-target", ChainAttacks::wrongTarget),
        new Attack("timestamp too far ahead", Response.BANNED, "BYE time-too-new", ChainAttacks::timeTooNew),
        new Attack("bad Merkle root", Response.BANNED, "BYE bad-merkle-root", ChainAttacks::badMerkleRoot),
        new Attack("mutated block (valid header, altered body)", Response.BANNED,
            "BYE bad-merkle-root; the header stays valid: the real body from another peer is accepted",
            ChainAttacks::mutatedBlock),
        new Attack("oversized block", Response.BANNED, "BYE block-too-large", ChainAttacks::oversizedBlock),
        new Attack("oversized frame, over-long list", Response.BANNED, "BYE frame-too-large; BYE malformed",
            LinkAttacks::oversizedFrame),
        new Attack("truncated frame", Response.BANNED, "BYE malformed", LinkAttacks::truncatedFrame),
        new Attack("unknown message type", Response.BANNED, "BYE unknown-message", LinkAttacks::unknownType),
        new Attack("announcement flood", Response.TOLERATED,
            "at most 2,000 txids in flight to it; honest transactions still relayed at once",
            LinkAttacks::announcementFlood),
        new Attack("address flood", Response.BANNED,
            "1,000 unsolicited: BYE unsolicited; many small ADDRS: rate-limited", LinkAttacks::addressFlood),
        new Attack("low-work header spam", Response.TOLERATED,
            "headers stored, bodies asked for, then forgotten; not syncing afterwards", ChainAttacks::lowWorkHeaders),
        new Attack("headers above the tip, bodies withheld", Response.TOLERATED,
            "bodies asked for, refused, forgotten; the taller claim alone does not keep the node syncing",
            ChainAttacks::withheldBodies),
        new Attack("orphan block spam", Response.BANNED,
            "headers asked 10 times, then BYE flood; unsolicited BLOCK: BYE unsolicited", ChainAttacks::orphanSpam),
        new Attack("requests for unknown data", Response.TOLERATED, "NOT_FOUND for each, link kept",
            LinkAttacks::unknownData),
        new Attack("handshake that never finishes", Response.REFUSED,
            "BYE handshake-timeout after 10 s; handshakes beyond the cap closed at once", LinkAttacks::endlessHandshake),
        new Attack("more inbound connections than allowed", Response.REFUSED,
            "ADDRS then BYE too-many-peers", LinkAttacks::tooManyInbound),
        new Attack("handshake claiming a far higher chain", Response.TOLERATED,
            "kept; the claim alone does not make the node syncing (which pauses mining)", LinkAttacks::lyingHello),
        new Attack("one body withheld, its descendants served", Response.TOLERATED,
            "body refused, forgotten; the descendants waiting for it do not keep the node syncing",
            ChainAttacks::withheldParent),
        new Attack("request flood", Response.TOLERATED,
            "read no faster than served, the honest link served in between; kept", LinkAttacks::requestFlood));
  }

  /** A transfer between test keys, at the sender's confirmed nonce plus {@code nonceAhead}. */
  static Transaction transfer(Arena a, int from, int to, Amount amount, long nonceAhead) {
    TestKey k = TestKey.of(from);
    long nonce = a.victimRpc.account(k.address()).nonce() + nonceAhead;
    return k.transfer(a.genesis, TestKey.of(to).address(), amount, a.spec.minFee(), nonce);
  }

  /** Short txids nobody has (seeded, so runs repeat). */
  static List<ShortTxid> randomShortTxids(int n) {
    return randomHashes(n).stream().map(ShortTxid::of).toList();
  }

  /** Hashes nobody has (seeded, so runs repeat). */
  static List<Hash> randomHashes(int n) {
    List<Hash> out = new ArrayList<>(n);
    byte[] b = new byte[32];
    for (int i = 0; i < n; i++) {
      RANDOM.nextBytes(b);
      out.add(Hash.of(b));
    }
    return out;
  }

  /** Every account an attack spends from, pays to or mines to: their balances must not move. */
  static Set<Address> involved() {
    Set<Address> s = new HashSet<>();
    for (int i : new int[] {1, 2, 3, 4, 5, 6, 7, 8, 41, 42, 43, 44, 45, 46, 47, 48, 49}) {
      s.add(TestKey.of(i).address());
    }
    s.add(Forge.ATTACKER_MINER);
    return s;
  }
}
