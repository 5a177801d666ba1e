package io.berth.api.client;

import feign.Client;
import feign.Request;
import feign.Response;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Feign's transport on the JDK's {@code java.net.http.HttpClient}. Feign's default transport
 * ({@code HttpURLConnection}) cannot send {@code PATCH}, which {@code PATCH /v2/apps/{id}} needs.
 */
final class JdkHttpClient implements Client {

  /** Headers the JDK client sets itself and refuses to take from callers. */
  private static final Set<String> RESTRICTED = caseInsensitive("connection", "content-length", "expect",
      "host", "upgrade");

  private final HttpClient plain;
  private final HttpClient following;

  JdkHttpClient(Duration connectTimeout) {
    this.plain = build(connectTimeout, HttpClient.Redirect.NEVER);
    this.following = build(connectTimeout, HttpClient.Redirect.NORMAL);
  }

  @Override
  public Response execute(Request request, Request.Options options) throws IOException {
    HttpRequest.Builder out = HttpRequest.newBuilder(URI.create(request.url()))
        .timeout(Duration.ofMillis(options.readTimeoutMillis()));
    byte[] body = request.body();
    String method = request.httpMethod().name();
    if (body != null && body.length > 0) {
      out.method(method, HttpRequest.BodyPublishers.ofByteArray(body));
    } else if (method.equals("GET")) {
      out.GET();
    } else if (method.equals("DELETE")) {
      out.DELETE();
    } else {
      out.method(method, HttpRequest.BodyPublishers.noBody());
    }
    request.headers().forEach((name, values) -> {
      if (!RESTRICTED.contains(name)) {
        values.forEach(v -> out.header(name, v));
      }
    });
    HttpClient client = options.isFollowRedirects() ? following : plain;
    HttpResponse<InputStream> in;
    try {
      in = client.send(out.build(), HttpResponse.BodyHandlers.ofInputStream());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("interrupted while calling " + request.url());
    }
    Map<String, Collection<String>> headers = new LinkedHashMap<>();
    in.headers().map().forEach((name, values) -> headers.put(name, List.copyOf(values)));
    Integer length = in.headers().firstValueAsLong("Content-Length")
        .stream().filter(l -> l <= Integer.MAX_VALUE).mapToObj(l -> (int) l).findFirst().orElse(null);
    return Response.builder()
        .status(in.statusCode())
        .reason("")
        .headers(headers)
        .body(in.body(), length)
        .request(request)
        .build();
  }

  private static HttpClient build(Duration connectTimeout, HttpClient.Redirect redirect) {
    return HttpClient.newBuilder()
        .version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(connectTimeout)
        .followRedirects(redirect)
        .build();
  }

  private static Set<String> caseInsensitive(String... names) {
    Set<String> set = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
    set.addAll(List.of(names));
    return set;
  }
}
