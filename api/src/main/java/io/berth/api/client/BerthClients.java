package io.berth.api.client;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import feign.Feign;
import feign.Request;
import feign.RequestInterceptor;
import feign.Retryer;
import feign.auth.BasicAuthRequestInterceptor;
import feign.jackson.JacksonDecoder;
import feign.jackson.JacksonEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.TimeUnit;

/**
 * Builds {@link BerthClient}s: Jackson codec (unknown fields ignored, nulls left out), Marathon-style
 * error bodies as {@link ApiException}, no automatic retries (a retried POST could create twice), and
 * the JDK's HTTP client as transport (it can send {@code PATCH}).
 *
 * <pre>{@code
 * BerthClient berth = BerthClients.create("http://localhost:8080");
 * berth.createApp(App.builder().id("/team/web").cmd("python3 -m http.server $PORT0").build());
 * }</pre>
 */
public final class BerthClients {

  static final int CONNECT_TIMEOUT_SECONDS = 10;
  static final int READ_TIMEOUT_SECONDS = 60;

  private BerthClients() {}

  /** A client without authentication. */
  public static BerthClient create(String baseUrl) {
    return create(baseUrl, new RequestInterceptor[0]);
  }

  /** A client sending HTTP Basic credentials, as Marathon's {@code --http_credentials} expects. */
  public static BerthClient createWithBasicAuth(String baseUrl, String user, String password) {
    return create(baseUrl, new BasicAuthRequestInterceptor(
        Objects.requireNonNull(user, "user"), Objects.requireNonNull(password, "password"),
        StandardCharsets.UTF_8));
  }

  /** A client sending {@code Authorization: token=<token>}, as the Marathon Java client does. */
  public static BerthClient createWithTokenAuth(String baseUrl, String token) {
    Objects.requireNonNull(token, "token");
    return create(baseUrl, template -> template.header("Authorization", "token=" + token));
  }

  /** A client whose every request passes through {@code interceptors} (extra headers, tracing). */
  public static BerthClient create(String baseUrl, RequestInterceptor... interceptors) {
    ObjectMapper json = objectMapper();
    return Feign.builder()
        .client(new JdkHttpClient(Duration.ofSeconds(CONNECT_TIMEOUT_SECONDS)))
        .encoder(new JacksonEncoder(json))
        .decoder(new JsonOrTextDecoder(new JacksonDecoder(json)))
        .errorDecoder(new ErrorBodyDecoder(json))
        .requestInterceptors(List.of(interceptors))
        .retryer(Retryer.NEVER_RETRY)
        .options(new Request.Options(CONNECT_TIMEOUT_SECONDS, TimeUnit.SECONDS,
            READ_TIMEOUT_SECONDS, TimeUnit.SECONDS, true))
        .target(BerthClient.class, stripTrailingSlash(Objects.requireNonNull(baseUrl, "baseUrl")));
  }

  /** The mapper the client uses: tolerant reading, no {@code null} fields written. */
  static ObjectMapper objectMapper() {
    ObjectMapper json = new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
    json.setDefaultPropertyInclusion(JsonInclude.Value.construct(JsonInclude.Include.NON_NULL,
        JsonInclude.Include.NON_NULL));
    return json;
  }

  private static String stripTrailingSlash(String url) {
    return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
  }
}
