package io.berth.scheduler.core.apps;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Marathon's {@code label} filter: comma-separated terms {@code k}, {@code k==v}, {@code k!=v},
 * {@code k in (a,b)}, {@code k notin (a,b)}; all terms must hold. As in Marathon, every term
 * needs the key to be present: {@code k!=v} and {@code k notin (…)} do not match apps without {@code k}.
 */
public final class LabelSelector implements Predicate<Map<String, String>> {

  private static final Pattern TERM = Pattern.compile(
      "\\s*([^\\s=!,()]+)\\s*(?:(==|!=)\\s*([^,()]*?)|\\s+(in|notin)\\s*\\(([^)]*)\\))?\\s*(?:,|$)");

  private final List<Predicate<Map<String, String>>> terms;

  private LabelSelector(List<Predicate<Map<String, String>>> terms) {
    this.terms = List.copyOf(terms);
  }

  /** Parses a selector; IllegalArgumentException naming the problem when it is malformed. */
  public static LabelSelector parse(String selector) {
    List<Predicate<Map<String, String>>> terms = new ArrayList<>();
    Matcher m = TERM.matcher(selector);
    int pos = 0;
    while (pos < selector.length()) {
      if (!m.find(pos) || m.start() != pos || m.end() == pos) {
        throw new IllegalArgumentException("invalid label selector at position " + pos + ": '" + selector
            + "' (use k, k==v, k!=v, k in (a,b) or k notin (a,b), comma-separated)");
      }
      terms.add(term(m.group(1), m.group(2) != null ? m.group(2) : m.group(4),
          m.group(3) != null ? m.group(3).trim() : m.group(5)));
      pos = m.end();
    }
    return new LabelSelector(terms);
  }

  private static Predicate<Map<String, String>> term(String key, String op, String value) {
    if (op == null) {
      return labels -> labels.containsKey(key);
    }
    return switch (op) {
      case "==" -> labels -> value.equals(labels.get(key));
      case "!=" -> labels -> labels.containsKey(key) && !value.equals(labels.get(key));
      case "in" -> {
        Set<String> set = values(value);
        yield labels -> labels.containsKey(key) && set.contains(labels.get(key));
      }
      default -> {
        Set<String> set = values(value);
        yield labels -> labels.containsKey(key) && !set.contains(labels.get(key));
      }
    };
  }

  private static Set<String> values(String list) {
    return Set.of(java.util.Arrays.stream(list.split(",")).map(String::trim).filter(s -> !s.isEmpty())
        .distinct().toArray(String[]::new));
  }

  @Override
  public boolean test(Map<String, String> labels) {
    return terms.stream().allMatch(t -> t.test(labels));
  }
}
