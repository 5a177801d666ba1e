package io.berth.api.model;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Marathon path ids: segments of lowercase letters, digits, '-' and '.', separated by '/'.
 * As in Marathon, a segment is a dot-separated list of labels, each starting and ending with a
 * letter or digit ("a-b.c" is fine, "a-.b" and "a..b" are not); "." and ".." are only allowed
 * while resolving a relative id, never in a stored one.
 */
public final class PathId {

  private static final String LABEL = "([a-z0-9]|[a-z0-9][a-z0-9-]*[a-z0-9])";
  private static final Pattern SEGMENT = Pattern.compile("^" + LABEL + "(\\." + LABEL + ")*$");

  private PathId() {}

  /** True when {@code segment} is a legal segment of a stored id. */
  public static boolean isValidSegment(String segment) {
    return SEGMENT.matcher(segment).matches();
  }

  /** The segments of an id, ignoring empty ones (so "//a/b/" gives [a, b]). */
  public static List<String> segments(String id) {
    List<String> out = new ArrayList<>();
    for (String s : id.split("/")) {
      if (!s.isEmpty()) {
        out.add(s);
      }
    }
    return out;
  }

  /** "team/web", "/team/web" and "//team/web/" all become "/team/web". */
  public static String canonical(String id) {
    return "/" + String.join("/", segments(id));
  }

  /** The parent group of an id: "/team/web" gives "/team"; "/web" gives "/". */
  public static String parent(String id) {
    List<String> segs = segments(id);
    return segs.size() <= 1 ? "/" : "/" + String.join("/", segs.subList(0, segs.size() - 1));
  }

  /** Resolves a dependency relative to the app's group; "../db" from "/team/web" gives "/db"... */
  public static String resolve(String appId, String ref) {
    if (ref.startsWith("/")) {
      return canonical(ref);
    }
    List<String> base = new ArrayList<>(appId == null ? List.of() : segments(parent(appId)));
    for (String s : ref.split("/")) {
      if (s.isEmpty() || s.equals(".")) {
        continue;
      }
      if (s.equals("..")) {
        if (!base.isEmpty()) {
          base.remove(base.size() - 1);
        }
      } else {
        base.add(s);
      }
    }
    return "/" + String.join("/", base);
  }

  /** True when {@code id} lies in group {@code group} (at any depth), or is the group itself. */
  public static boolean isUnder(String id, String group) {
    String g = canonical(group);
    String i = canonical(id);
    return g.equals("/") || i.equals(g) || i.startsWith(g + "/");
  }
}
