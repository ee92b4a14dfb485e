package io.cairn.node.p2p.tls;

import io.netty.handler.ssl.ClientAuth;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.SslProvider;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import javax.net.ssl.SSLException;
import javax.net.ssl.X509TrustManager;

/** Server and client TLS 1.3 contexts with mutual authentication by node-key binding. */
public final class TlsContexts {
  private final SslContext server;
  private final SslContext client;

  public TlsContexts(TlsBinding.Credentials creds) {
    try {
      server = SslContextBuilder.forServer(creds.privateKey(), creds.certificate())
          .trustManager(BindingTrustManager.INSTANCE).clientAuth(ClientAuth.REQUIRE)
          .protocols("TLSv1.3").sslProvider(SslProvider.JDK).build();
      client = SslContextBuilder.forClient().keyManager(creds.privateKey(), creds.certificate())
          .trustManager(BindingTrustManager.INSTANCE).protocols("TLSv1.3").sslProvider(SslProvider.JDK).build();
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
