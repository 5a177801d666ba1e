package io.berth.scheduler.core.apps;

import static io.berth.scheduler.core.apps.AppBuilder.anApp;
import static org.assertj.core.api.Assertions.assertThat;

import io.berth.api.model.App;
import io.berth.api.model.Group;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class GroupTreeTest {

  private static final String MONDAY = "2026-03-02T09:00:00.000Z";
  private static final String TUESDAY = "2026-03-03T09:00:00.000Z";
  private static final String WEDNESDAY = "2026-03-04T09:00:00.000Z";

  private final List<App> apps = List.of(
      anApp("/team/web").at(TUESDAY),
      anApp("/team/api").at(MONDAY),
      anApp("/team/batch/nightly").at(WEDNESDAY),
      anApp("/team/batch/hourly").at(MONDAY),
      anApp("/solo").at(MONDAY));

  private static List<String> ids(List<App> apps) {
    return apps.stream().map(App::id).toList();
  }

  @Nested
  class Root {

    private final Group root = GroupTree.group("/", apps).orElseThrow();

    @Test
    void holdsTopLevelAppsDirectlyAndEverythingElseInSubgroups() {
      assertThat(root.id()).isEqualTo("/");
      assertThat(ids(root.apps())).containsExactly("/solo");
      assertThat(root.groups()).extracting(Group::id).containsExactly("/team");
    }

    @Test
    void isTheNewestVersionOfAnyAppBelow() {
      assertThat(root.version()).isEqualTo(WEDNESDAY);
    }

    @Test
    void existsWithoutAnyApps() {
      Group empty = GroupTree.group("/", List.of()).orElseThrow();
      assertThat(empty.apps()).isEmpty();
      assertThat(empty.groups()).isEmpty();
      assertThat(empty.version()).isNull();
    }
  }

  @Nested
  class Subgroups {

    @Test
    void aGroupListsItsOwnAppsSortedAndItsSubgroups() {
      Group team = GroupTree.group("/team", apps).orElseThrow();
      assertThat(ids(team.apps())).containsExactly("/team/api", "/team/web");
      assertThat(team.groups()).extracting(Group::id).containsExactly("/team/batch");
      assertThat(ids(team.groups().get(0).apps())).containsExactly("/team/batch/hourly", "/team/batch/nightly");
    }

    @Test
    void subgroupsAreSortedById() {
      List<App> many = List.of(anApp("/z/x/a").at(MONDAY), anApp("/z/b/a").at(MONDAY), anApp("/z/m/a").at(MONDAY));
      assertThat(GroupTree.group("/z", many).orElseThrow().groups()).extracting(Group::id)
          .containsExactly("/z/b", "/z/m", "/z/x");
    }

    @Test
    void aGroupWithOnlySubgroupsHasNoAppsOfItsOwn() {
      Group deep = GroupTree.group("/a", List.of(anApp("/a/b/c/d").at(MONDAY))).orElseThrow();
      assertThat(deep.apps()).isEmpty();
      assertThat(deep.groups().get(0).id()).isEqualTo("/a/b");
      assertThat(deep.groups().get(0).groups().get(0).id()).isEqualTo("/a/b/c");
      assertThat(ids(deep.groups().get(0).groups().get(0).apps())).containsExactly("/a/b/c/d");
    }

    @Test
    void eachGroupIsVersionedByTheNewestAppBelowIt() {
      Group team = GroupTree.group("/team", apps).orElseThrow();
      assertThat(team.version()).isEqualTo(WEDNESDAY);
      assertThat(GroupTree.group("/team/batch", apps).orElseThrow().version()).isEqualTo(WEDNESDAY);
      List<App> withoutNightly = apps.stream().filter(a -> !a.id().equals("/team/batch/nightly")).toList();
      assertThat(GroupTree.group("/team", withoutNightly).orElseThrow().version()).isEqualTo(TUESDAY);
    }

    @Test
    void groupIdsAreCanonicalized() {
      assertThat(GroupTree.group("team/batch/", apps).orElseThrow().id()).isEqualTo("/team/batch");
      assertThat(GroupTree.group("//team", apps).orElseThrow().id()).isEqualTo("/team");
    }
  }

  @Nested
  class Missing {

    @Test
    void aGroupNoAppLiesUnderDoesNotExist() {
      assertThat(GroupTree.group("/nobody", apps)).isEmpty();
    }

    @Test
    void anAppIsNotAGroup() {
      assertThat(GroupTree.group("/team/web", apps)).isEmpty();
      assertThat(GroupTree.group("/solo", apps)).isEmpty();
    }

    @Test
    void aPrefixOfASegmentIsNotAGroup() {
      assertThat(GroupTree.group("/tea", apps)).isEmpty();
    }
  }
}
