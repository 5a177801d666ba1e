package io.berth.deploy.cli;

import io.berth.api.client.BerthClient;
import io.berth.api.client.BerthClients;

/** Opens a {@link BerthClient} for a {@link Connection}; tests pass a fake. */
@FunctionalInterface
interface ClientFactory {

  BerthClient open(Connection connection);

  /** The api module's Feign client, with the connection's credentials. */
  ClientFactory FEIGN = c -> {
    if (c.tokenAuth()) {
      return BerthClients.createWithTokenAuth(c.url(), c.token());
    }
    if (c.basicAuth()) {
      return BerthClients.createWithBasicAuth(c.url(), c.user(), c.password());
    }
    return BerthClients.create(c.url());
  };
}
