package io.berth.executor.health;

import java.io.IOException;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Duration;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * HTTP and HTTPS checks: {@code GET} on the path, 2xx/3xx healthy (redirects are not followed).
 * HTTPS trusts any certificate and skips host name checks, as Marathon's checks do: a health check
 * asks whether the task answers, not whether its certificate is valid.
 */
final class HttpProbe implements Probe {

  private final HttpClient client;
  private final URI uri;
  private final boolean ignoreHttp1xx;

  HttpProbe(boolean https, String host, int port, String path, boolean ignoreHttp1xx) {
    String p = path == null || path.isEmpty() ? "/" : (path.startsWith("/") ? path : "/" + path);
    this.uri = URI.create((https ? "https" : "http") + "://" + host + ":" + port + p);
    this.ignoreHttp1xx = ignoreHttp1xx;
    HttpClient.Builder b = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).followRedirects(HttpClient.Redirect.NEVER)
        .connectTimeout(Duration.ofSeconds(5));
    if (https) {
      b.sslContext(trustAll());
    }
    this.client = b.build();
  }

  @Override
  public ProbeResult probe(Duration timeout) {
    HttpRequest request = HttpRequest.newBuilder(uri).timeout(timeout).GET().build();
    try {
      int status = client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
      return ProbeResult.ofHttpStatus(status, ignoreHttp1xx);
    } catch (HttpTimeoutException e) {
      return ProbeResult.failed("timed out after " + timeout.toSeconds() + " s: GET " + uri);
    } catch (IOException e) {
      return ProbeResult.failed("GET " + uri + " failed: " + e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return ProbeResult.ignored("interrupted");
    }
  }

  private static SSLContext trustAll() {
    try {
      SSLContext ctx = SSLContext.getInstance("TLS");
      ctx.init(null, new TrustManager[] {new TrustAll()}, new SecureRandom());
      return ctx;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("no TLS", e);
    }
  }

  /** Accepts every certificate; being an X509ExtendedTrustManager it also skips host name checks. */
  private static final class TrustAll extends X509ExtendedTrustManager {
    @Override public void checkClientTrusted(X509Certificate[] c, String a, Socket s) {}
    @Override public void checkServerTrusted(X509Certificate[] c, String a, Socket s) {}
    @Override public void checkClientTrusted(X509Certificate[] c, String a, SSLEngine e) {}
    @Override public void checkServerTrusted(X509Certificate[] c, String a, SSLEngine e) {}
    @Override public void checkClientTrusted(X509Certificate[] c, String a) {}
    @Override public void checkServerTrusted(X509Certificate[] c, String a) {}
    @Override public X509Certificate[] getAcceptedIssuers() {
      return new X509Certificate[0];
    }
  }
}
