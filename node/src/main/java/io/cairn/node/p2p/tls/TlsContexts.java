package io.cairn.node.p2p.tls;

import io.netty.handler.ssl.SslHandler;
import java.net.Socket;
import java.security.GeneralSecurityException;
import java.security.Principal;
import java.security.PrivateKey;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import java.util.List;
import javax.net.ssl.KeyManager;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509ExtendedKeyManager;
import javax.net.ssl.X509TrustManager;

/**
 * TLS 1.3 for peer links, mutually authenticated by node-key binding: one JDK {@link SSLContext}
 * holding this node's certificate, and a fresh engine per link.
 *
 * <p>Cipher suites, in order of preference: ChaCha20-Poly1305 first, then the two AES-GCM suites.
 * All three are TLS 1.3's standard AEAD suites of equal standing; ChaCha20-Poly1305 comes first
 * because nodes run with the C1 JIT only ({@code -XX:TieredStopAtLevel=1}), and C1 does not use the
 * JDK's AES-NI and carry-less-multiply intrinsics: there plain-Java AES-GCM encrypts about 49 MB/s
 * of CPU time per core against about 153 MB/s for ChaCha20-Poly1305 (JDK 17, this machine, 16 KiB
 * records). Both sides of a Cairn link offer the same list and the server picks in its order.
 *
 * <p>The context is built directly rather than through Netty's {@code SslContextBuilder}, which
 * wraps the key in password-protected PKCS#12 key stores (PBKDF2, three times) and loads the JDK's
 * default trust store that a Cairn link never uses: about 350 ms of a node's start-up on a 2-core
 * machine, against a few milliseconds here.
 */
public final class TlsContexts {
  /** TLS 1.3 suites in order of preference (see the class comment). */
  public static final List<String> CIPHER_SUITES =
      List.of("TLS_CHACHA20_POLY1305_SHA256", "TLS_AES_256_GCM_SHA384", "TLS_AES_128_GCM_SHA256");
  private static final String[] PROTOCOLS = {"TLSv1.3"};

  private final SSLContext context;

  public TlsContexts(TlsBinding.Credentials creds) {
    try {
      context = SSLContext.getInstance("TLSv1.3");
      context.init(new KeyManager[] {new OwnKey(creds.privateKey(), creds.certificate())},
          new TrustManager[] {BindingTrustManager.INSTANCE}, null);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("cannot build the TLS context", e);
    }
  }

  /** The TLS handler of one link: the client side for a link we dialled. */
  public SslHandler newHandler(boolean client) {
    return new SslHandler(newEngine(client));
  }

  /** A configured engine for one link (TLS 1.3, {@link #CIPHER_SUITES}, client certificate required). */
  public SSLEngine newEngine(boolean client) {
    SSLEngine engine = context.createSSLEngine();
    engine.setUseClientMode(client);
    SSLParameters p = engine.getSSLParameters();
    p.setProtocols(PROTOCOLS);
    p.setCipherSuites(CIPHER_SUITES.toArray(String[]::new));
    p.setUseCipherSuitesOrder(true);
    if (!client) {
      p.setNeedClientAuth(true);
    }
    engine.setSSLParameters(p);
    return engine;
  }

  /** Offers this node's one certificate whenever its key type is asked for. */
  private static final class OwnKey extends X509ExtendedKeyManager {
    private static final String ALIAS = "node";
    private final PrivateKey key;
    private final X509Certificate[] chain;

    OwnKey(PrivateKey key, X509Certificate certificate) {
      this.key = key;
      this.chain = new X509Certificate[] {certificate};
    }

    private String aliasFor(String... keyTypes) {
      return keyTypes != null && Arrays.asList(keyTypes).contains(key.getAlgorithm()) ? ALIAS : null;
    }

    @Override
    public String chooseEngineClientAlias(String[] keyTypes, Principal[] issuers, SSLEngine engine) {
      return aliasFor(keyTypes);
    }

    @Override
    public String chooseEngineServerAlias(String keyType, Principal[] issuers, SSLEngine engine) {
      return aliasFor(keyType);
    }

    @Override
    public String chooseClientAlias(String[] keyTypes, Principal[] issuers, Socket socket) {
      return aliasFor(keyTypes);
    }

    @Override
    public String chooseServerAlias(String keyType, Principal[] issuers, Socket socket) {
      return aliasFor(keyType);
    }

    @Override
    public String[] getClientAliases(String keyType, Principal[] issuers) {
      return aliasFor(keyType) == null ? null : new String[] {ALIAS};
    }

    @Override
    public String[] getServerAliases(String keyType, Principal[] issuers) {
      return getClientAliases(keyType, issuers);
    }

    @Override
    public X509Certificate[] getCertificateChain(String alias) {
      return ALIAS.equals(alias) ? chain.clone() : null;
    }

    @Override
    public PrivateKey getPrivateKey(String alias) {
      return ALIAS.equals(alias) ? key : null;
    }
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
