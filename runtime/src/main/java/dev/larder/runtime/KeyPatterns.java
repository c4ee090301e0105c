package dev.larder.runtime;

import dev.larder.runtime.internal.CachedRead;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Matches a key pattern such as {@code product:*} against key templates such as
 * {@code product:{id}}, without looking at a single key. A template matches when the literal text
 * before its first placeholder and the text before the pattern's first wildcard agree (one starts
 * with the other): every key the template can produce that the pattern matches is then covered,
 * and a few more may be — invalidating too much costs misses, never stale data.
 */
final class KeyPatterns {
  private KeyPatterns() {}

  static List<CachedRead<?>> matching(String pattern, Collection<CachedRead<?>> reads) {
    String patternPrefix = prefix(pattern, "*?");
    List<CachedRead<?>> out = new ArrayList<>();
    for (CachedRead<?> read : reads) {
      String templatePrefix = prefix(read.keyTemplate(), "{");
      if (templatePrefix.startsWith(patternPrefix) || patternPrefix.startsWith(templatePrefix)) {
        out.add(read);
      }
    }
    return out;
  }

  private static String prefix(String text, String stops) {
    for (int i = 0; i < text.length(); i++) {
      if (stops.indexOf(text.charAt(i)) >= 0) {
        return text.substring(0, i);
      }
    }
    return text;
  }
}
