package io.berth.scheduler;

import com.fasterxml.jackson.core.StreamReadConstraints;
import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.Key;
import com.google.inject.TypeLiteral;
import io.berth.scheduler.cluster.mesos.ExecutorJarResource;
import io.berth.scheduler.http.ApiExceptionMapper;
import io.berth.scheduler.http.AppTasksResource;
import io.berth.scheduler.http.AppsResource;
import io.berth.scheduler.http.BodyLimitFilter;
import io.berth.scheduler.http.DeploymentsResource;
import io.berth.scheduler.http.GroupsResource;
import io.berth.scheduler.http.InfoResource;
import io.berth.scheduler.http.JsonExceptionMapper;
import io.berth.scheduler.http.QueueResource;
import io.berth.scheduler.http.TasksResource;
import io.berth.scheduler.http.UnexpectedExceptionMapper;
import io.berth.scheduler.http.WebExceptionMapper;
import io.dropwizard.configuration.EnvironmentVariableSubstitutor;
import io.dropwizard.configuration.SubstitutingSourceProvider;
import io.dropwizard.core.Application;
import io.dropwizard.core.server.DefaultServerFactory;
import io.dropwizard.jetty.ConnectorFactory;
import io.dropwizard.jetty.HttpConnectorFactory;
import org.eclipse.jetty.http.UriCompliance;
import io.dropwizard.core.setup.Bootstrap;
import io.dropwizard.core.setup.Environment;
import io.dropwizard.lifecycle.Managed;
import java.util.Set;

/** Berth's scheduler: {@code java -jar berth-scheduler.jar server [config.yml]}. */
public class SchedulerApplication extends Application<SchedulerConfiguration> {

  /** The configuration used by {@code server} without a file. */
  public static final String DEFAULT_CONFIG = "berth-default.yml";

  public static void main(String[] args) throws Exception {
    new SchedulerApplication().run(withDefaultConfig(args));
  }

  /** {@code server} alone means {@code server berth-default.yml} (the bundled defaults). */
  static String[] withDefaultConfig(String[] args) {
    if (args.length == 1 && (args[0].equals("server") || args[0].equals("check"))) {
      return new String[] {args[0], DEFAULT_CONFIG};
    }
    return args;
  }

  /**
   * Marathon clients put app ids into paths with their leading slash ({@code /v2/apps//team/web})
   * or URL-encoded ({@code /v2/apps/%2Fteam%2Fweb}); Jetty refuses both by default as ambiguous.
   * Both are safe here: every resource canonicalizes the id it receives.
   */
  private static void allowMarathonClientPaths(SchedulerConfiguration config, Environment environment) {
    UriCompliance compliance = UriCompliance.DEFAULT.with("MARATHON_CLIENTS",
        UriCompliance.Violation.AMBIGUOUS_EMPTY_SEGMENT, UriCompliance.Violation.AMBIGUOUS_PATH_SEPARATOR);
    if (config.getServerFactory() instanceof DefaultServerFactory server) {
      for (ConnectorFactory c : server.getApplicationConnectors()) {
        if (c instanceof HttpConnectorFactory http) {
          http.setUriCompliance(compliance);
        }
      }
    }
    environment.getApplicationContext().getServletHandler().setDecodeAmbiguousURIs(true);
  }

  @Override
  public String getName() {
    return "berth";
  }

  @Override
  public void initialize(Bootstrap<SchedulerConfiguration> bootstrap) {
    bootstrap.setConfigurationSourceProvider(new SubstitutingSourceProvider(
        new FileOrClasspathSourceProvider(), new EnvironmentVariableSubstitutor(false)));
  }

  @Override
  public void run(SchedulerConfiguration config, Environment environment) {
    allowMarathonClientPaths(config, environment);
    environment.getObjectMapper().getFactory().setStreamReadConstraints(StreamReadConstraints.builder()
        .maxNestingDepth(config.getApi().maxJsonDepth())
        .maxStringLength((int) Math.min(Integer.MAX_VALUE, config.getApi().maxBodyBytes()))
        .build());
    Injector injector = Guice.createInjector(new SchedulerModule(config, environment.getObjectMapper()));
    HttpServing serving = injector.getInstance(HttpServing.class);
    environment.lifecycle().addServerLifecycleListener(server -> serving.markStarted());
    for (Managed managed : injector.getInstance(Key.get(new TypeLiteral<Set<Managed>>() {}))) {
      environment.lifecycle().manage(managed);
    }
    environment.jersey().register(new BodyLimitFilter(config.getApi().maxBodyBytes()));
    environment.jersey().register(new ApiExceptionMapper());
    environment.jersey().register(new JsonExceptionMapper());
    environment.jersey().register(new WebExceptionMapper());
    environment.jersey().register(new UnexpectedExceptionMapper());
    for (Class<?> resource : Set.of(AppsResource.class, AppTasksResource.class, TasksResource.class,
        GroupsResource.class, DeploymentsResource.class, InfoResource.class, QueueResource.class)) {
      environment.jersey().register(injector.getInstance(resource));
    }
    if (config.getCluster().mode().equals("mesos")) {
      environment.jersey().register(injector.getInstance(ExecutorJarResource.class));
      environment.healthChecks().register("mesos",
          injector.getInstance(io.berth.scheduler.cluster.mesos.MesosHealthCheck.class));
    }
  }
}
