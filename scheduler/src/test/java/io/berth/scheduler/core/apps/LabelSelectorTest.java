package io.berth.scheduler.core.apps;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Marathon's label filter; the expectations follow Marathon's LabelSelectorParsersTest. */
class LabelSelectorTest {

  private static final Map<String, String> WEB_PROD = Map.of("tier", "web", "env", "prod");
  private static final Map<String, String> WEB_QA = Map.of("tier", "web", "env", "qa");
  private static final Map<String, String> DB = Map.of("tier", "db");
  private static final Map<String, String> UNLABELLED = Map.of();

  private static boolean matches(String selector, Map<String, String> labels) {
    return LabelSelector.parse(selector).test(labels);
  }

  @Nested
  class Existence {

    @Test
    void matchesAppsWithTheKeyWhateverItsValue() {
      assertThat(matches("env", WEB_PROD)).isTrue();
      assertThat(matches("env", WEB_QA)).isTrue();
    }

    @Test
    void doesNotMatchAppsWithoutTheKey() {
      assertThat(matches("env", DB)).isFalse();
      assertThat(matches("env", UNLABELLED)).isFalse();
    }
  }

  @Nested
  class Equals {

    @Test
    void matchesOnlyThatValue() {
      assertThat(matches("tier==web", WEB_PROD)).isTrue();
      assertThat(matches("tier==web", DB)).isFalse();
      assertThat(matches("tier==web", UNLABELLED)).isFalse();
    }

    @Test
    void allowsSpacesAroundTheOperator() {
      assertThat(matches("tier == web", WEB_PROD)).isTrue();
      assertThat(matches("  tier==  web  ", WEB_PROD)).isTrue();
    }

    @Test
    void comparesWholeValuesCaseSensitively() {
      assertThat(matches("tier==we", WEB_PROD)).isFalse();
      assertThat(matches("tier==Web", WEB_PROD)).isFalse();
    }
  }

  @Nested
  class NotEquals {

    @Test
    void matchesOtherValues() {
      assertThat(matches("tier!=web", DB)).isTrue();
      assertThat(matches("tier != web", WEB_PROD)).isFalse();
    }

    @Test
    void needsTheKeyLikeMarathon() {
      assertThat(matches("tier!=web", UNLABELLED)).isFalse();
      assertThat(matches("env!=prod", DB)).isFalse();
    }
  }

  @Nested
  class In {

    @Test
    void matchesAnyListedValue() {
      assertThat(matches("env in (prod,qa)", WEB_PROD)).isTrue();
      assertThat(matches("env in (prod, qa)", WEB_QA)).isTrue();
      assertThat(matches("env in (staging)", WEB_PROD)).isFalse();
    }

    @Test
    void doesNotMatchAppsWithoutTheKey() {
      assertThat(matches("env in (prod,qa)", DB)).isFalse();
    }

    @Test
    void anEmptyListMatchesNothing() {
      assertThat(matches("env in ()", WEB_PROD)).isFalse();
    }
  }

  @Nested
  class NotIn {

    @Test
    void matchesValuesOutsideTheList() {
      assertThat(matches("env notin (prod)", WEB_QA)).isTrue();
      assertThat(matches("env notin (prod, qa)", WEB_QA)).isFalse();
    }

    @Test
    void needsTheKeyLikeMarathon() {
      assertThat(matches("env notin (prod)", DB)).isFalse();
      assertThat(matches("env notin (prod)", UNLABELLED)).isFalse();
    }
  }

  @Nested
  class Combinations {

    @Test
    void everyTermMustHold() {
      String selector = "tier==web, env in (prod,qa), env!=qa";
      assertThat(matches(selector, WEB_PROD)).isTrue();
      assertThat(matches(selector, WEB_QA)).isFalse();
      assertThat(matches(selector, DB)).isFalse();
    }

    @Test
    void allFiveKindsTogetherAsInMarathon() {
      String selector = "foo==one, bla!=one, foo in (one, two, three), bla notin (one, two, three), existence";
      assertThat(matches(selector, Map.of("foo", "one", "bla", "four", "existence", "true"))).isTrue();
      assertThat(matches(selector, Map.of("foo", "one"))).isFalse();
      assertThat(matches(selector, Map.of("bla", "four"))).isFalse();
    }

    @Test
    void keysMayContainDotsSlashesAndDashes() {
      Map<String, String> labels = Map.of("HAPROXY_GROUP", "external", "com.example/team-name", "ops");
      assertThat(matches("HAPROXY_GROUP==external,com.example/team-name", labels)).isTrue();
    }

    @Test
    void anEmptySelectorMatchesEverything() {
      assertThat(matches("", UNLABELLED)).isTrue();
    }
  }

  @Nested
  class Malformed {

    @ParameterizedTest
    @ValueSource(strings = {"foo some (one, two, three)", "foo in one", "foo test", "==web", "env in (prod",
        "tier==web,,env", "(tier)", "env notin prod", "tier=web"})
    void isRefusedWithTheSelectorAndTheExpectedSyntax(String selector) {
      assertThatThrownBy(() -> LabelSelector.parse(selector))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining(selector)
          .hasMessageContaining("k in (a,b)");
    }

    @Test
    void namesThePositionWhereParsingStopped() {
      assertThatThrownBy(() -> LabelSelector.parse("tier==web, foo test"))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("position 10");
    }
  }
}
