package dev.larder.runtime;

import java.util.List;
import java.util.function.BiConsumer;

/** The pub/sub message announcing new tag generations: one {@code token tag} pair per line. */
final class BumpMessage {
  private BumpMessage() {}

  static String encode(List<String> tags, List<String> tokens) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < tags.size(); i++) {
      out.append(tokens.get(i)).append(' ').append(tags.get(i)).append('\n');
    }
    return out.toString();
  }

  static void decode(String message, BiConsumer<String, String> onBump) {
    for (String line : message.split("\n")) {
      int space = line.indexOf(' ');
      if (space > 0) {
        onBump.accept(line.substring(space + 1), line.substring(0, space));
      }
    }
  }
}
