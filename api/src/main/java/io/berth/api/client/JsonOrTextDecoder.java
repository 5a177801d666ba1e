package io.berth.api.client;

import feign.Response;
import feign.codec.Decoder;
import java.io.IOException;
import java.lang.reflect.Type;

/** JSON for model types; plain text for {@code String} answers such as {@code GET /ping}. */
final class JsonOrTextDecoder implements Decoder {

  private final Decoder json;
  private final Decoder text = new Decoder.Default();

  JsonOrTextDecoder(Decoder json) {
    this.json = json;
  }

  @Override
  public Object decode(Response response, Type type) throws IOException {
    return type == String.class ? text.decode(response, type) : json.decode(response, type);
  }
}
