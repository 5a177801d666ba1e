package io.berth.scheduler.cluster.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.inject.Guice;
import com.google.inject.Injector;
import io.berth.scheduler.cluster.ClusterDriver;
import org.junit.jupiter.api.Test;

class LocalClusterModuleTest {

  @Test
  void bindsOneLocalDriverWithoutConnectingAnything() {
    Injector injector = Guice.createInjector(new LocalClusterModule(DriverTestBase.MACHINE));
    ClusterDriver driver = injector.getInstance(ClusterDriver.class);
    assertThat(driver).isInstanceOf(LocalClusterDriver.class).isSameAs(injector.getInstance(ClusterDriver.class));
  }
}
