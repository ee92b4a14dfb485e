package io.cairn.common.spec;

import io.cairn.common.address.Address;
import io.cairn.common.amount.Amount;
import io.cairn.common.codec.Writer;
import io.cairn.common.crypto.Hash;
import io.cairn.common.crypto.Sha256;
import io.cairn.common.model.CompactTarget;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The parameters that define a network. Its canonical encoding is committed to by the genesis block,
 * so the genesis hash identifies the network and every parameter of it.
 *
 * @param network human name, e.g. {@code testnet}
 * @param addressPrefix Bech32m prefix of addresses, e.g. {@code tcairn}
 * @param targetBlockTimeMs the block interval ASERT steers towards
 * @param initialBits compact target of block 1 (ASERT's anchor)
 * @param asertHalfLifeMs time ahead of or behind schedule that halves or doubles the target
 * @param maxBlockSize max encoded block size in bytes
 * @param blockReward new coins credited to each block's miner (besides fees)
 * @param minFee minimum fee per transaction
 * @param genesisTimestampMs timestamp of the genesis block
 * @param dev true for local development networks (the public dev phrase may be used)
 * @param allocations balances credited at genesis
 */
public record ChainSpec(
    String network,
    String addressPrefix,
    long targetBlockTimeMs,
    int initialBits,
    long asertHalfLifeMs,
    int maxBlockSize,
    Amount blockReward,
    Amount minFee,
    long genesisTimestampMs,
    boolean dev,
    List<Allocation> allocations) {

  /** Genesis balance. */
  public record Allocation(Address address, Amount amount) {
    public Allocation {
      Objects.requireNonNull(address, "address");
      Objects.requireNonNull(amount, "amount");
    }
  }

  private static final byte[] DOMAIN = "cairn/spec/v1".getBytes(StandardCharsets.US_ASCII);

  public ChainSpec {
    Objects.requireNonNull(network, "network");
    Objects.requireNonNull(addressPrefix, "addressPrefix");
    Objects.requireNonNull(blockReward, "blockReward");
    Objects.requireNonNull(minFee, "minFee");
    allocations = List.copyOf(allocations);
    require(!network.isBlank() && network.length() <= 64, "network must be 1 to 64 characters");
    require(addressPrefix.matches("[a-z][a-z0-9]{0,15}"), "addressPrefix must be 1 to 16 lower-case letters or digits, starting with a letter");
    require(targetBlockTimeMs >= 10 && targetBlockTimeMs <= 86_400_000L, "targetBlockTimeMs must be between 10 and 86400000");
    require(CompactTarget.expandOrInvalid(initialBits).signum() > 0
        && CompactTarget.expand(initialBits).compareTo(CompactTarget.POW_LIMIT) <= 0,
        "initialTarget must be a valid compact target no easier than 0x207fffff");
    require(asertHalfLifeMs >= 1_000 && asertHalfLifeMs <= 365L * 86_400_000L, "asertHalfLifeMs must be between 1000 and one year");
    require(maxBlockSize >= 1_000 && maxBlockSize <= 4_000_000, "maxBlockSize must be between 1000 and 4000000 bytes");
    require(genesisTimestampMs >= 0, "genesisTimestampMs must not be negative");
    Set<Address> seen = new HashSet<>();
    Amount total = Amount.ZERO;
    for (Allocation a : allocations) {
      require(seen.add(a.address()), "allocation listed twice: " + a.address().encode(addressPrefix));
      try {
        total = total.plus(a.amount());
      } catch (ArithmeticException e) {
        throw new IllegalArgumentException("allocations overflow the amount range");
      }
    }
  }

  private static void require(boolean ok, String message) {
    if (!ok) {
      throw new IllegalArgumentException(message);
    }
  }

  /** Sum of all genesis allocations. */
  public Amount totalAllocated() {
    Amount total = Amount.ZERO;
    for (Allocation a : allocations) {
      total = total.plus(a.amount());
    }
    return total;
  }

  /** SHA-256 of the canonical encoding; the genesis header's Merkle-root field. */
  public Hash commitment() {
    Writer w = new Writer(256 + allocations.size() * 41);
    w.raw(DOMAIN);
    byte[] name = network.getBytes(StandardCharsets.UTF_8);
    byte[] prefix = addressPrefix.getBytes(StandardCharsets.US_ASCII);
    w.u8(name.length).raw(name).u8(prefix.length).raw(prefix);
    w.u64(targetBlockTimeMs).u32(initialBits & 0xffffffffL).u64(asertHalfLifeMs).u32(maxBlockSize);
    w.u64(blockReward.units()).u64(minFee.units()).u64(genesisTimestampMs).u8(dev ? 1 : 0);
    w.u32(allocations.size());
    for (Allocation a : allocations) {
      a.address().write(w);
      w.u64(a.amount().units());
    }
    return Sha256.hash(w.toByteArray());
  }
}
