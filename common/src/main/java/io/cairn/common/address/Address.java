package io.cairn.common.address;

import io.cairn.common.codec.DecodeException;
import io.cairn.common.codec.Reader;
import io.cairn.common.codec.Writer;
import io.cairn.common.crypto.PublicKey;
import io.cairn.common.reason.Reason;
import io.cairn.common.reason.RejectedException;
import java.util.Objects;

/**
 * An account address: version byte 0 followed by a 32-byte Ed25519 public key. Its text form is
 * Bech32m with the network's prefix ({@code tcairn1...} on the testnet); the binary form (33 bytes)
 * is what transactions and headers carry.
 */
public record Address(int version, PublicKey key) implements Comparable<Address> {
  public static final int VERSION = 0;
  public static final int ENCODED_LENGTH = 1 + PublicKey.LENGTH;
  /** The all-zero key; the genesis block's miner. Nobody holds its private key. */
  public static final Address ZERO = new Address(VERSION, PublicKey.of(new byte[PublicKey.LENGTH]));

  public Address {
    Objects.requireNonNull(key, "key");
    if (version != VERSION) {
      throw new IllegalArgumentException("Expected address version 0 but got " + version);
    }
  }

  /**
   * Written out rather than the record's generated method: addresses key the mempool's and the
   * state's hash maps, and the generated {@code equals}/{@code hashCode} (an invokedynamic bootstrap
   * through method handles) cost several times more than these under the C1-only JIT nodes run with.
   * Same contract: equal version and key.
   */
  @Override
  public boolean equals(Object o) {
    return o instanceof Address a && version == a.version && key.equals(a.key);
  }

  @Override
  public int hashCode() {
    return 31 * version + key.hashCode();
  }

  public static Address of(PublicKey key) {
    return new Address(VERSION, key);
  }

  /** The 33-byte payload. */
  public byte[] payload() {
    byte[] out = new byte[ENCODED_LENGTH];
    out[0] = (byte) version;
    key.copyTo(out, 1);
    return out;
  }

  public void write(Writer w) {
    w.u8(version).fixed(key);
  }

  public static Address read(Reader r) {
    int at = r.position();
    int version = r.u8("address version");
    if (version != VERSION) {
      throw new DecodeException("Expected address version 0 at offset " + at + " but got " + version);
    }
    return new Address(version, PublicKey.of(r.fixed(PublicKey.LENGTH, "address key")));
  }

  public static Address fromPayload(byte[] payload) {
    Reader r = new Reader(payload);
    Address a = read(r);
    r.finish("address");
    return a;
  }

  /** The Bech32m text form with this network prefix. */
  public String encode(String prefix) {
    return Bech32m.encode(prefix, payload());
  }

  /**
   * Parses the text form for the network with {@code prefix}.
   *
   * @throws RejectedException with {@link Reason#BAD_ADDRESS} and a message saying what is wrong
   */
  public static Address parse(String text, String prefix) {
    if (text == null || text.isBlank()) {
      throw bad("empty address");
    }
    String s = text.strip();
    Bech32m.Decoded d;
    try {
      d = Bech32m.decode(s);
    } catch (Bech32m.Bech32mException e) {
      throw bad("invalid address '" + s + "': " + e.getMessage());
    }
    if (!d.hrp().equals(prefix)) {
      throw bad("wrong prefix: expected '" + prefix + "' but got '" + d.hrp() + "' (an address for another network?)");
    }
    byte[] data = d.data();
    if (data.length != ENCODED_LENGTH) {
      throw bad("wrong length: expected " + ENCODED_LENGTH + " bytes of payload but got " + data.length);
    }
    if (data[0] != VERSION) {
      throw bad("unsupported address version " + (data[0] & 0xff) + ", expected 0");
    }
    return fromPayload(data);
  }

  private static RejectedException bad(String detail) {
    return new RejectedException(Reason.BAD_ADDRESS, detail);
  }

  @Override
  public int compareTo(Address o) {
    return key.compareTo(o.key);
  }
}
