package io.cairn.node.p2p.tls;

import io.cairn.common.crypto.Ed25519;
import io.cairn.common.crypto.PublicKey;
import io.cairn.node.p2p.NodeKey;
import io.cairn.node.p2p.wire.NodeId;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.util.Arrays;
import java.util.Date;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * Binds a TLS certificate to a node key, in the spirit of libp2p's TLS handshake. Each link end
 * presents a fresh self-signed ECDSA P-256 certificate carrying a non-critical extension (OID {@link
 * #OID}) whose value is an OCTET STRING of 96 bytes:
 *
 * <pre>
 * +---------------------------+---------------------------------------------------------------+
 * | node public key (32)      | Ed25519 signature (64) by the node key over                    |
 * |                           | "cairn-tls-binding" || DER SubjectPublicKeyInfo of the cert key |
 * +---------------------------+---------------------------------------------------------------+
 * </pre>
 *
 * A certificate is accepted when it is self-signed by its own key and the binding verifies; the
 * peer's node id is SHA-256 of the bound node key.
 */
public final class TlsBinding {
  /** Under the UUID arc 2.25 (ITU-T X.667), so it needs no registration. */
  public static final ASN1ObjectIdentifier OID = new ASN1ObjectIdentifier("2.25.311573946093213453413376203117426377316");
  private static final byte[] DOMAIN = "cairn-tls-binding".getBytes(StandardCharsets.US_ASCII);

  private TlsBinding() {}

  /** A certificate and its private key for one node run. */
  public record Credentials(java.security.PrivateKey privateKey, X509Certificate certificate) {}

  public static Credentials create(NodeKey nodeKey) {
    try {
      KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
      g.initialize(new ECGenParameterSpec("secp256r1"), new SecureRandom());
      KeyPair kp = g.generateKeyPair();
      byte[] spki = kp.getPublic().getEncoded();
      byte[] sig = nodeKey.sign(message(spki));
      byte[] value = new byte[32 + 64];
      nodeKey.publicKey().copyTo(value, 0);
      System.arraycopy(sig, 0, value, 32, 64);
      X500Name name = new X500Name("CN=cairn-" + nodeKey.id().shortHex());
      long now = System.currentTimeMillis();
      JcaX509v3CertificateBuilder b = new JcaX509v3CertificateBuilder(name, new BigInteger(64, new SecureRandom()),
          new Date(now - 3_600_000L), new Date(now + 100L * 365 * 86_400_000L), name, kp.getPublic());
      b.addExtension(OID, false, new DEROctetString(value));
      X509CertificateHolder holder = b.build(new JcaContentSignerBuilder("SHA256withECDSA").build(kp.getPrivate()));
      return new Credentials(kp.getPrivate(), new JcaX509CertificateConverter().getCertificate(holder));
    } catch (GeneralSecurityException | OperatorCreationException | IOException e) {
      throw new IllegalStateException("cannot create the TLS certificate", e);
    }
  }

  /** The node id bound to a peer certificate; CertificateException says what is wrong. */
  public static NodeId verify(X509Certificate cert) throws CertificateException {
    try {
      cert.verify(cert.getPublicKey());
    } catch (GeneralSecurityException e) {
      throw new CertificateException("certificate is not self-signed by its key: " + e.getMessage());
    }
    byte[] ext = cert.getExtensionValue(OID.getId());
    if (ext == null) {
      throw new CertificateException("certificate lacks the cairn node-key binding");
    }
    byte[] value;
    try {
      value = ASN1OctetString.getInstance(ASN1OctetString.getInstance(ext).getOctets()).getOctets();
    } catch (IllegalArgumentException e) {
      throw new CertificateException("malformed node-key binding");
    }
    if (value.length != 96) {
      throw new CertificateException("Expected a 96-byte node-key binding but got " + value.length);
    }
    byte[] key = Arrays.copyOf(value, 32);
    byte[] sig = Arrays.copyOfRange(value, 32, 96);
    if (!Ed25519.verify(key, message(cert.getPublicKey().getEncoded()), sig)) {
      throw new CertificateException("node-key binding signature does not verify");
    }
    return NodeId.of(PublicKey.of(key));
  }

  private static byte[] message(byte[] spki) {
    byte[] m = Arrays.copyOf(DOMAIN, DOMAIN.length + spki.length);
    System.arraycopy(spki, 0, m, DOMAIN.length, spki.length);
    return m;
  }
}
