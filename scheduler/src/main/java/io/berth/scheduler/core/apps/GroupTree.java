package io.berth.scheduler.core.apps;

import io.berth.api.model.App;
import io.berth.api.model.Group;
import io.berth.api.model.PathId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Groups derived from app path ids: {@code /team/web} lies in group {@code /team}, which lies in
 * {@code /}. A group exists while an app lies under it. Its version is the newest of its apps'.
 */
public final class GroupTree {

  private GroupTree() {}

  /** The group {@code groupId} with its apps and subgroups, or empty when no app lies under it. */
  public static Optional<Group> group(String groupId, Collection<App> apps) {
    String id = PathId.canonical(groupId);
    List<App> under = apps.stream().filter(a -> PathId.isUnder(a.id(), id) && !a.id().equals(id))
        .sorted(Comparator.comparing(App::id)).toList();
    if (under.isEmpty() && !id.equals("/")) {
      return Optional.empty();
    }
    return Optional.of(build(id, under));
  }

  private static Group build(String id, List<App> under) {
    List<App> direct = new ArrayList<>();
    TreeMap<String, List<App>> children = new TreeMap<>();
    for (App a : under) {
      if (PathId.parent(a.id()).equals(id)) {
        direct.add(a);
      } else {
        String child = childOf(id, a.id());
        children.computeIfAbsent(child, k -> new ArrayList<>()).add(a);
      }
    }
    List<Group> groups = new ArrayList<>();
    children.forEach((child, apps) -> groups.add(build(child, apps)));
    String version = under.stream().map(App::version).filter(v -> v != null).max(Comparator.naturalOrder())
        .orElse(null);
    return new Group(id, direct, groups, List.of(), version);
  }

  private static String childOf(String groupId, String appId) {
    List<String> g = PathId.segments(groupId);
    List<String> a = PathId.segments(appId);
    return "/" + String.join("/", a.subList(0, g.size() + 1));
  }
}
