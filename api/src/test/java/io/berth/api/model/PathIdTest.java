package io.berth.api.model;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class PathIdTest {

  @Nested
  class Canonical {

    @ParameterizedTest
    @ValueSource(strings = {"team/web", "/team/web", "//team/web/", "team//web"})
    void everySpellingBecomesOneAbsolutePath(String id) {
      assertThat(PathId.canonical(id)).isEqualTo("/team/web");
    }

    @Test
    void emptyAndSlashAreTheRoot() {
      assertThat(PathId.canonical("")).isEqualTo("/");
      assertThat(PathId.canonical("/")).isEqualTo("/");
    }

    @Test
    void segmentsSkipEmptyOnes() {
      assertThat(PathId.segments("//a/b/")).containsExactly("a", "b");
      assertThat(PathId.segments("/")).isEmpty();
    }
  }

  @Nested
  class Parent {

    @Test
    void parentIsTheEnclosingGroup() {
      assertThat(PathId.parent("/team/web")).isEqualTo("/team");
      assertThat(PathId.parent("/a/b/c")).isEqualTo("/a/b");
    }

    @Test
    void topLevelAppsAndTheRootHaveTheRootAsParent() {
      assertThat(PathId.parent("/web")).isEqualTo("/");
      assertThat(PathId.parent("/")).isEqualTo("/");
    }
  }

  @Nested
  class Resolve {

    @ParameterizedTest(name = "{1} from {0} is {2}")
    @CsvSource({
        "/team/web, /db, /db",
        "/team/web, /shared//db/, /shared/db",
        "/team/web, db, /team/db",
        "/team/web, ./db, /team/db",
        "/team/web, ../db, /db",
        "/a/b/web, ../../db, /db",
        "/team/web, ../../../db, /db",
        "/team/web, cache/redis, /team/cache/redis",
        "/web, db, /db"})
    void relativeIdsAreResolvedAgainstTheAppsGroup(String appId, String ref, String resolved) {
      assertThat(PathId.resolve(appId, ref)).isEqualTo(resolved);
    }

    @Test
    void withoutAnAppIdReferencesAreRelativeToTheRoot() {
      assertThat(PathId.resolve(null, "team/db")).isEqualTo("/team/db");
    }
  }

  @Nested
  class Under {

    @Test
    void appsLieInTheirGroupsAtAnyDepth() {
      assertThat(PathId.isUnder("/team/web", "/team")).isTrue();
      assertThat(PathId.isUnder("/team/a/b/web", "/team")).isTrue();
      assertThat(PathId.isUnder("/team/web", "/")).isTrue();
      assertThat(PathId.isUnder("/team", "/team")).isTrue();
    }

    @Test
    void aSharedPrefixIsNotAGroup() {
      assertThat(PathId.isUnder("/teamx/web", "/team")).isFalse();
      assertThat(PathId.isUnder("/other/web", "/team")).isFalse();
    }

    @Test
    void spellingDoesNotMatter() {
      assertThat(PathId.isUnder("team/web", "team/")).isTrue();
      assertThat(PathId.isUnder("/team//web", "/team")).isTrue();
    }
  }

  @Nested
  class Segments {

    @ParameterizedTest
    @ValueSource(strings = {"web", "a", "7", "web-1", "a.b", "my-app.v2", "a--b", "0.9.1"})
    void lowercaseLabelsSeparatedByDots(String segment) {
      assertThat(PathId.isValidSegment(segment)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "Web", "-web", "web-", "a..b", "a-.b", "a.-b", ".a", "a.", ".", "..", "a_b", "a b",
        "ü"})
    void anythingElseIsRefused(String segment) {
      assertThat(PathId.isValidSegment(segment)).isFalse();
    }
  }
}
