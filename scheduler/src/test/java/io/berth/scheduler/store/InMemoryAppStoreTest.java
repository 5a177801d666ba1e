package io.berth.scheduler.store;

class InMemoryAppStoreTest extends AppStoreContractTest {

  @Override
  AppStore newStore(int maxVersions) {
    return new InMemoryAppStore(maxVersions);
  }
}
