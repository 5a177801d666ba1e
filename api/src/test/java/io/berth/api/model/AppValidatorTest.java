package io.berth.api.model;

import static io.berth.api.model.AppBuilder.aDockerApp;
import static io.berth.api.model.AppBuilder.anApp;
import static io.berth.api.model.Verdicts.assertBreaks;
import static io.berth.api.model.Verdicts.assertValid;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@link AppValidator}: the top-level fields. Containers, ports, checks, networks and constraints have their own tests. */
class AppValidatorTest {

  @Test
  void theBaseAppIsValid() {
    assertValid(anApp());
    assertValid(aDockerApp());
  }

  @Nested
  class Ids {

    @Test
    void idMustBeGiven() {
      assertBreaks(anApp().withId(null), "/id", "must be given");
    }

    @Test
    void idMustNotBeTheRootGroup() {
      assertBreaks(anApp().withId("/"), "/id", "not be the root group");
    }

    @Test
    void idSegmentsAreLowercaseLettersDigitsDashesAndDots() {
      assertValid(anApp().withId("/team-1/web.v2"));
      assertBreaks(anApp().withId("/Team/web"), "/id", "path segment 'Team' must consist of lowercase letters");
      assertBreaks(anApp().withId("/team/web_1"), "/id", "path segment 'web_1'");
    }

    @Test
    void idMayNotClimbWithDotDot() {
      assertBreaks(anApp().withId("/team/../web"), "/id", "path segment '..'");
    }

    @Test
    void idIsBounded() {
      String longId = "/" + "a".repeat(AppValidator.MAX_ID_LENGTH);
      assertBreaks(anApp().withId(longId), "/id", "must be at most 255 characters");
    }
  }

  @Nested
  class Command {

    @Test
    void argsAloneAreEnough() {
      assertValid(anApp().withoutCmd().withArgs("/bin/server", "--port", "80"));
    }

    @Test
    void cmdAndArgsAreMutuallyExclusive() {
      assertBreaks(anApp().withArgs("x"), "/", "cmd and args are mutually exclusive");
    }

    @Test
    void anAppNeedsSomethingToRun() {
      assertBreaks(anApp().withoutCmd(), "/", "an app needs 'cmd', 'args' or a container image");
    }

    @Test
    void cmdMustNotBeBlank() {
      assertBreaks(anApp().withCmd("  "), "/cmd", "must not be empty");
    }

    @Test
    void argsMustNotHoldNulls() {
      assertBreaks(anApp().withoutCmd().withArgs("a", null), "/args/1", "must not be null");
    }

    @Test
    void userMustNotBeBlank() {
      assertValid(anApp().withUser("nobody"));
      assertBreaks(anApp().withUser(""), "/user", "must not be empty");
    }
  }

  @Nested
  class Resources {

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "instances, -1, must be greater than or equal to 0",
        "instances, 100001, must be less than or equal to 100000",
        "cpus, -0.5, must be greater than or equal to 0",
        "cpus, 4097, must be less than or equal to 4096",
        "mem, -1, must be greater than or equal to 0",
        "mem, 1e12, must be less than or equal to 67108864",
        "disk, -1, must be greater than or equal to 0",
        "disk, 1e13, must be less than or equal to 1073741824",
        "gpus, -1, must be greater than or equal to 0",
        "gpus, 129, must be less than or equal to 128",
        "taskKillGracePeriodSeconds, -1, must be greater than or equal to 0",
        "taskKillGracePeriodSeconds, 3601, must be less than or equal to 3600"})
    void resourcesAreNonNegativeAndBounded(String field, String value, String rule) {
      assertBreaks(withNumber(field, value), "/" + field, rule);
    }

    @Test
    void boundsThemselvesAreAllowed() {
      assertValid(anApp().withInstances(0).withCpus(0).withMem(0).withDisk(0).withGpus(0));
      assertValid(anApp().withInstances(AppValidator.MAX_INSTANCES).withCpus(AppValidator.MAX_CPUS));
    }

    @Test
    void backoffFactorIsAtLeastOne() {
      assertValid(anApp().withBackoff(0, 1.0, 0));
      assertBreaks(anApp().withBackoff(null, 0.5, null), "/backoffFactor", "must be greater than or equal to 1");
    }

    @Test
    void backoffSecondsAndMaxLaunchDelayAreNonNegativeAndAtMostADay() {
      assertBreaks(anApp().withBackoff(-1, null, null), "/backoffSeconds", "must be greater than or equal to 0");
      assertBreaks(anApp().withBackoff(null, null, 86_401), "/maxLaunchDelaySeconds",
          "must be less than or equal to 86400");
    }

    @Test
    void killSelectionIsAKnownValue() {
      assertBreaks(anApp().withKillSelection("RANDOM"), "/killSelection",
          "must be one of YOUNGEST_FIRST, OLDEST_FIRST");
    }

    private AppBuilder withNumber(String field, String value) {
      double d = Double.parseDouble(value);
      return switch (field) {
        case "instances" -> anApp().withInstances((int) d);
        case "cpus" -> anApp().withCpus(d);
        case "mem" -> anApp().withMem(d);
        case "disk" -> anApp().withDisk(d);
        case "gpus" -> anApp().withGpus((int) d);
        default -> anApp().withTaskKillGracePeriodSeconds((int) d);
      };
    }
  }

  @Nested
  class LabelsEnvAndSecrets {

    @Test
    void labelNamesMustNotBeEmpty() {
      assertBreaks(anApp().withLabel("", "x"), "/labels", "label names must not be empty");
    }

    @Test
    void labelValuesMustBeStrings() {
      assertBreaks(anApp().withLabel("team", null), "/labels/team", "must be a string");
    }

    @Test
    void envNamesAreShellNames() {
      assertValid(anApp().withEnv("JAVA_OPTS", "-Xmx1g").withEnv("_x1", ""));
      assertBreaks(anApp().withEnv("1X", "v"), "/env/1X", "variable names must match");
      assertBreaks(anApp().withEnv("A-B", "v"), "/env/A-B", "variable names must match");
    }

    @Test
    void envValuesMustBeGiven() {
      assertBreaks(anApp().withEnv("X", null), "/env/X", "must be a string or a secret reference");
    }

    @Test
    void secretReferencesNeedADeclaredSecret() {
      assertValid(anApp().withSecret("db", "/vault/db").withSecretEnv("DB_PASSWORD", "db"));
      assertBreaks(anApp().withSecretEnv("DB_PASSWORD", "db"), "/env/DB_PASSWORD",
          "references undeclared secret 'db'");
    }

    @Test
    void secretsNeedASource() {
      assertBreaks(anApp().withSecret("db", " "), "/secrets/db/source", "must not be empty");
    }
  }

  @Nested
  class Strategies {

    @Test
    void upgradeCapacitiesAreFractions() {
      assertValid(anApp().withUpgradeStrategy(0.0, 0.0));
      assertBreaks(anApp().withUpgradeStrategy(1.5, null), "/upgradeStrategy/minimumHealthCapacity",
          "must be less than or equal to 1");
      assertBreaks(anApp().withUpgradeStrategy(null, -0.1), "/upgradeStrategy/maximumOverCapacity",
          "must be greater than or equal to 0");
    }

    @Test
    void unreachableTimesAreNonNegativeAndExpungeComesLast() {
      assertValid(anApp().withUnreachableStrategy(UnreachableStrategy.of(300, 600)));
      assertValid(anApp().withUnreachableStrategy(UnreachableStrategy.DISABLED));
      assertBreaks(anApp().withUnreachableStrategy(UnreachableStrategy.of(-1, 0)),
          "/unreachableStrategy/inactiveAfterSeconds", "must be greater than or equal to 0");
      assertBreaks(anApp().withUnreachableStrategy(UnreachableStrategy.of(600, 300)),
          "/unreachableStrategy/expungeAfterSeconds", "must be greater than or equal to inactiveAfterSeconds");
    }

    @Test
    void singleInstanceAppsRunOnceAndStopBeforeStarting() {
      AppBuilder single = anApp().withLabel(AppValidator.SINGLE_INSTANCE_LABEL, "true");
      assertValid(single.withUpgradeStrategy(0.0, 0.0));
      assertBreaks(single.withInstances(2), "/instances", "a single instance app may only have one instance");
      assertBreaks(anApp().withLabel(AppValidator.SINGLE_INSTANCE_LABEL, "true"), "/upgradeStrategy",
          "a single instance app needs minimumHealthCapacity 0 and maximumOverCapacity 0");
    }
  }

  @Nested
  class DependenciesAndFetch {

    @Test
    void dependenciesArePathIds() {
      assertValid(anApp().withDependencies("/db", "../cache"));
      assertBreaks(anApp().withDependencies("/DB"), "/dependencies/0", "must be a valid app or group path id");
    }

    @Test
    void anAppCannotDependOnItself() {
      assertBreaks(anApp().withDependencies("web"), "/dependencies/0", "an app cannot depend on itself");
    }

    @Test
    void fetchNeedsAUri() {
      assertBreaks(anApp().withFetch(new Fetch(" ", null, null, null, null)), "/fetch/0/uri", "must not be empty");
    }
  }

  @Nested
  class AsGiven {

    @Test
    void validatingADefinitionAsGivenNormalizesItFirst() {
      assertThat(AppValidator.validate(anApp().build())).isEmpty();
      assertThat(AppValidator.validate(App.builder().build())).extracting(Violation::path).containsExactly("/id", "/");
    }

    @Test
    void portsAndDifferentPortDefinitionsTogetherAreRefused() {
      App both = anApp().withPorts(8080).withPortDefinitions(PortDefinition.of(9090)).build();
      App same = anApp().withPorts(8080).withPortDefinitions(PortDefinition.of(8080)).build();

      assertThat(AppValidator.validate(both)).containsExactly(
          new Violation("/ports", "cannot specify both ports and port definitions"));
      assertThat(AppValidator.validate(same)).isEmpty();
    }

    @Test
    void urisAndFetchTogetherAreRefused() {
      App both = anApp().withUris("https://e.com/a").withFetch(Fetch.of("https://e.com/b")).build();

      assertThat(AppValidator.validate(both)).containsExactly(
          new Violation("/uris", "may not be set in conjunction with fetch"));
    }

    @Test
    void nullEntriesFromTheWireAreReportedNotThrown() {
      App app = anApp().build().toBuilder().healthChecks(Arrays.asList((HealthCheck) null))
          .constraints(List.of(Arrays.asList("hostname", null))).build();

      assertThat(AppValidator.validate(app)).extracting(Violation::path)
          .containsExactly("/constraints/0", "/healthChecks/0");
    }
  }

  @Test
  void detailsGroupTheRulesOfOnePath() {
    List<ErrorBody.ErrorDetail> details = AppValidator.details(List.of(
        new Violation("/mem", "a"), new Violation("/id", "b"), new Violation("/mem", "c")));

    assertThat(details).containsExactly(
        new ErrorBody.ErrorDetail("/mem", List.of("a", "c")), new ErrorBody.ErrorDetail("/id", List.of("b")));
  }
}
