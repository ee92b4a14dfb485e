package io.cairn.node.p2p.tls;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cairn.node.p2p.NodeKey;
import java.nio.ByteBuffer;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLEngineResult.HandshakeStatus;
import javax.net.ssl.SSLException;
import javax.net.ssl.TrustManager;
import org.junit.jupiter.api.Test;

/**
 * The suite two nodes agree on (the first of {@link TlsContexts#CIPHER_SUITES}, over TLS 1.3), and
 * the client certificate the server insists on.
 */
class TlsContextsTest {
  @Test
  void twoNodesNegotiateChaCha20OverTls13() throws SSLException {
    SSLEngine server = new TlsContexts(TlsBinding.create(NodeKey.generate())).newEngine(false);
    SSLEngine client = new TlsContexts(TlsBinding.create(NodeKey.generate())).newEngine(true);
    handshake(client, server);
    assertEquals("TLSv1.3", client.getSession().getProtocol());
    assertEquals("TLS_CHACHA20_POLY1305_SHA256", client.getSession().getCipherSuite());
    assertEquals("TLS_CHACHA20_POLY1305_SHA256", server.getSession().getCipherSuite());
  }

  @Test
  void aClientWithoutACertificateIsRefused() throws Exception {
    SSLEngine server = new TlsContexts(TlsBinding.create(NodeKey.generate())).newEngine(false);
    SSLContext anonymous = SSLContext.getInstance("TLSv1.3");
    anonymous.init(null, new TrustManager[] {TlsContexts.BindingTrustManager.INSTANCE}, null);
    SSLEngine client = anonymous.createSSLEngine();
    client.setUseClientMode(true);
    assertThrows(SSLException.class, () -> handshake(client, server));
  }

  /** Drives both engines in memory until neither has handshake work left. */
  private static void handshake(SSLEngine client, SSLEngine server) throws SSLException {
    int size = Math.max(client.getSession().getPacketBufferSize(), server.getSession().getPacketBufferSize());
    ByteBuffer toServer = ByteBuffer.allocate(4 * size);
    ByteBuffer toClient = ByteBuffer.allocate(4 * size);
    ByteBuffer app = ByteBuffer.allocate(4 * size);
    ByteBuffer empty = ByteBuffer.allocate(0);
    client.beginHandshake();
    server.beginHandshake();
    for (int i = 0; i < 200 && !(done(client) && done(server)); i++) {
      step(client, empty, toServer, toClient, app);
      step(server, empty, toClient, toServer, app);
    }
    assertTrue(done(client) && done(server), "handshake did not finish");
  }

  private static boolean done(SSLEngine e) {
    HandshakeStatus s = e.getHandshakeStatus();
    return s == HandshakeStatus.NOT_HANDSHAKING || s == HandshakeStatus.FINISHED;
  }

  private static void step(SSLEngine e, ByteBuffer empty, ByteBuffer out, ByteBuffer in, ByteBuffer app)
      throws SSLException {
    for (int guard = 0; guard < 20; guard++) {
      switch (e.getHandshakeStatus()) {
        case NEED_WRAP -> e.wrap(empty, out);
        case NEED_TASK -> {
          for (Runnable r; (r = e.getDelegatedTask()) != null; ) {
            r.run();
          }
        }
        case NEED_UNWRAP, NEED_UNWRAP_AGAIN -> {
          in.flip();
          int before = in.remaining();
          e.unwrap(in, app);
          boolean consumed = in.remaining() < before;
          in.compact();
          app.clear();
          if (!consumed) {
            return;
          }
        }
        default -> {
          return;
        }
      }
    }
  }
}
