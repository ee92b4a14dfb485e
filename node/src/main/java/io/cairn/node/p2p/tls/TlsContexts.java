package io.cairn.node.p2p.tls;

import io.netty.handler.ssl.ClientAuth;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.SslProvider;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.List;
import javax.net.ssl.SSLException;
import javax.net.ssl.X509TrustManager;

/**
 * Server and client TLS 1.3 contexts with mutual authentication by node-key binding.
 *
 * <p>Cipher suites, in order of preference: ChaCha20-Poly1305 first, then the two AES-GCM suites.
 * All three are TLS 1.3's standard AEAD suites of equal standing; ChaCha20-Poly1305 comes first
 * because nodes run with the C1 JIT only ({@code -XX:TieredStopAtLevel=1}), and C1 does not use the
 * JDK's AES-NI and carry-less-multiply intrinsics: there plain-Java AES-GCM encrypts about 49 MB/s
 * of CPU time per core against about 153 MB/s for ChaCha20-Poly1305 (JDK 17, this machine, 16 KiB
 * records). Both sides of a Cairn link offer the same list and the server picks in its order.
 */
public final class TlsContexts {
  /** TLS 1.3 suites in order of preference (see the class comment). */
  public static final List<String> CIPHER_SUITES =
      List.of("TLS_CHACHA20_POLY1305_SHA256", "TLS_AES_256_GCM_SHA384", "TLS_AES_128_GCM_SHA256");

  private final SslContext server;
  private final SslContext client;

  public TlsContexts(TlsBinding.Credentials creds) {
    try {
      server = SslContextBuilder.forServer(creds.privateKey(), creds.certificate())
          .trustManager(BindingTrustManager.INSTANCE).clientAuth(ClientAuth.REQUIRE)
          .protocols("TLSv1.3").ciphers(CIPHER_SUITES).sslProvider(SslProvider.JDK).build();
      client = SslContextBuilder.forClient().keyManager(creds.privateKey(), creds.certificate())
          .trustManager(BindingTrustManager.INSTANCE).protocols("TLSv1.3").ciphers(CIPHER_SUITES)
          .sslProvider(SslProvider.JDK).build();
    } catch (SSLException e) {
      throw new IllegalStateException("cannot build TLS contexts", e);
    }
  }

  public SslContext server() {
    return server;
  }

  public SslContext client() {
    return client;
  }

  /** Trusts exactly the self-signed certificates whose node-key binding verifies. */
  static final class BindingTrustManager implements X509TrustManager {
    static final BindingTrustManager INSTANCE = new BindingTrustManager();

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
      check(chain);
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
      check(chain);
    }

    private static void check(X509Certificate[] chain) throws CertificateException {
      if (chain == null || chain.length != 1) {
        throw new CertificateException("Expected exactly one self-signed certificate");
      }
      TlsBinding.verify(chain[0]);
    }

    @Override
    public X509Certificate[] getAcceptedIssuers() {
      return new X509Certificate[0];
    }
  }
}
