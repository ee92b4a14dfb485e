package io.cairn.wallet.tx;

import io.cairn.common.address.Address;
import io.cairn.common.crypto.Ed25519;
import io.cairn.common.crypto.Signature;
import io.cairn.wallet.keys.AccountKey;
import java.nio.charset.StandardCharsets;

/**
 * Signing a text message to prove control of an address. The signed bytes are domain separated so
 * that no message signature can ever be a transaction or block signature:
 *
 * <pre>
 * signed = "cairn/msg/v1" (12 ASCII bytes) || UTF-8(message)
 * </pre>
 *
 * Transactions sign {@code "cairn/tx/v1" || genesis || body}; the two domains differ in their 7th
 * byte, so neither can be read as the other.
 */
public final class SignedMessages {
  public static final String DOMAIN = "cairn/msg/v1";

  private SignedMessages() {}

  public static byte[] signedBytes(String message) {
    byte[] d = DOMAIN.getBytes(StandardCharsets.US_ASCII);
    byte[] m = message.getBytes(StandardCharsets.UTF_8);
    byte[] out = new byte[d.length + m.length];
    System.arraycopy(d, 0, out, 0, d.length);
    System.arraycopy(m, 0, out, d.length, m.length);
    return out;
  }

  public static Signature sign(AccountKey key, String message) {
    return key.sign(signedBytes(message));
  }

  /** Strict Ed25519 verification of {@code signature} by {@code address}'s key over the message. */
  public static boolean verify(Address address, String message, Signature signature) {
    return Ed25519.verify(address.key(), signedBytes(message), signature);
  }
}
