package dev.larder.processor.read;

import dev.larder.processor.model.Source;
import dev.larder.processor.model.Template;
import java.util.ArrayList;
import java.util.List;

/** Splits {@code "product:{id}:{filter.category}"} into literal text and placeholders. */
final class TemplateParser {
  private TemplateParser() {}

  static Template parse(String text, NameResolver resolver, Source source) {
    List<Template.Segment> segments = new ArrayList<>();
    int i = 0;
    while (i < text.length()) {
      int open = text.indexOf('{', i);
      int close = text.indexOf('}', i);
      if (close >= 0 && (open < 0 || close < open)) {
        return broken(text, source, "has a '}' at position " + close + " with no '{' before it");
      }
      if (open < 0) {
        segments.add(new Template.Literal(text.substring(i)));
        break;
      }
      if (open > i) {
        segments.add(new Template.Literal(text.substring(i, open)));
      }
      if (close < 0) {
        return broken(text, source, "has a '{' at position " + open + " that is never closed");
      }
      String path = text.substring(open + 1, close).trim();
      if (path.isEmpty() || path.indexOf('{') >= 0) {
        return broken(text, source, "has an empty or nested placeholder at position " + open);
      }
      segments.add(resolver.placeholder(path));
      i = close + 1;
    }
    return new Template(text, List.copyOf(segments), source, null);
  }

  private static Template broken(String text, Source source, String problem) {
    return new Template(text, List.of(), source, problem);
  }
}
