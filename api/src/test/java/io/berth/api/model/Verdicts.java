package io.berth.api.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

/** Assertions on what {@link AppValidator} says about an app built with {@link AppBuilder}. */
final class Verdicts {

  private Verdicts() {}

  static List<Violation> violationsOf(AppBuilder app) {
    return AppValidator.validate(app.normalized());
  }

  static void assertValid(AppBuilder app) {
    assertThat(violationsOf(app)).isEmpty();
  }

  /** Exactly one rule is broken: at {@code path}, with a message naming it ({@code ruleWords}). */
  static void assertBreaks(AppBuilder app, String path, String ruleWords) {
    assertThat(violationsOf(app)).singleElement().satisfies(v -> {
      assertThat(v.path()).isEqualTo(path);
      assertThat(v.message()).contains(ruleWords);
    });
  }

  /** This rule is broken (others may be too). */
  static void assertBreaksAmongOthers(AppBuilder app, String path, String ruleWords) {
    assertThat(violationsOf(app)).anySatisfy(v -> {
      assertThat(v.path()).isEqualTo(path);
      assertThat(v.message()).contains(ruleWords);
    });
  }
}
