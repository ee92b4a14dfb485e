package io.cairn.node.p2p;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.cairn.node.p2p.tls.TlsBinding;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.cert.CertificateException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The persistent node key and the certificate binding to it. */
class IdentityTest {

  @Test
  void nodeKeyIsCreatedOnceWithOwnerOnlyMode(@TempDir Path dir) throws Exception {
    NodeKey first = NodeKey.loadOrCreate(dir);
    Path file = dir.resolve(NodeKey.FILE_NAME);
    assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
    assertEquals(32, Files.size(file));
    NodeKey again = NodeKey.loadOrCreate(dir);
    assertEquals(first.id(), again.id());
    assertNotEquals(first.id(), NodeKey.generate().id());
  }

  @Test
  void corruptKeyFileIsAClearError(@TempDir Path dir) throws Exception {
    Files.write(dir.resolve(NodeKey.FILE_NAME), new byte[5]);
    IllegalStateException e = assertThrows(IllegalStateException.class, () -> NodeKey.loadOrCreate(dir));
    assertEquals(true, e.getMessage().contains("32-byte"));
  }

  @Test
  void certificateBindsTheNodeKey() throws Exception {
    NodeKey key = NodeKey.generate();
    TlsBinding.Credentials c = TlsBinding.create(key);
    assertEquals(key.id(), TlsBinding.verify(c.certificate()));
  }

  @Test
  void certificateOfAnotherKeyPairDoesNotVerifyAsOurs() throws Exception {
    // A certificate's binding signs its own public key: swapping the binding into another
    // certificate is caught because the signed key differs. Simulate with a foreign cert whose
    // extension is absent.
    java.security.KeyPairGenerator g = java.security.KeyPairGenerator.getInstance("EC");
    g.initialize(256);
    java.security.KeyPair kp = g.generateKeyPair();
    org.bouncycastle.asn1.x500.X500Name n = new org.bouncycastle.asn1.x500.X500Name("CN=x");
    var holder = new org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder(n, java.math.BigInteger.ONE,
        new java.util.Date(0), new java.util.Date(4_000_000_000_000L), n, kp.getPublic())
        .build(new org.bouncycastle.operator.jcajce.JcaContentSignerBuilder("SHA256withECDSA").build(kp.getPrivate()));
    var cert = new org.bouncycastle.cert.jcajce.JcaX509CertificateConverter().getCertificate(holder);
    assertThrows(CertificateException.class, () -> TlsBinding.verify(cert));
    // And a binding copied from a real certificate onto this key fails the signature check.
    var real = TlsBinding.create(NodeKey.generate()).certificate();
    byte[] ext = real.getExtensionValue(TlsBinding.OID.getId());
    var inner = org.bouncycastle.asn1.ASN1OctetString.getInstance(ext).getOctets();
    var holder2 = new org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder(n, java.math.BigInteger.TWO,
        new java.util.Date(0), new java.util.Date(4_000_000_000_000L), n, kp.getPublic())
        .addExtension(TlsBinding.OID, false, org.bouncycastle.asn1.ASN1Primitive.fromByteArray(inner))
        .build(new org.bouncycastle.operator.jcajce.JcaContentSignerBuilder("SHA256withECDSA").build(kp.getPrivate()));
    var stolen = new org.bouncycastle.cert.jcajce.JcaX509CertificateConverter().getCertificate(holder2);
    CertificateException e = assertThrows(CertificateException.class, () -> TlsBinding.verify(stolen));
    assertEquals(true, e.getMessage().contains("does not verify"));
  }
}
