package dev.larder.runtime;

import java.util.ArrayList;
import java.util.List;

/**
 * A message on the bump channel, as the Redis scripts of {@link RedisLink} publish it: a header
 * line {@code B <epoch> <sequence>} followed by one {@code <token> <tag>} line per bumped tag, or
 * a lone {@code E <epoch> <sequence>} announcing a new epoch. Tags never contain a line break
 * ({@link TagGenerations#bump} refuses them); they may contain spaces.
 *
 * @param newEpoch whether the message announces a new epoch rather than a bump
 * @param epoch the epoch the message was published in
 * @param sequence the bump's number in that epoch (for a new epoch: the last number so far)
 * @param tags the bumped tags
 * @param tokens their new tokens, in the order of {@code tags}
 */
record BumpMessage(
    boolean newEpoch, String epoch, long sequence, List<String> tags, List<String> tokens) {

  /** The message, or null when it is not one Larder published. */
  static BumpMessage parse(String message) {
    String[] lines = message.split("\n");
    String[] header = lines[0].split(" ");
    if (header.length != 3 || !(header[0].equals("B") || header[0].equals("E"))) {
      return null;
    }
    long sequence;
    try {
      sequence = Long.parseLong(header[2]);
    } catch (NumberFormatException e) {
      return null;
    }
    List<String> tags = new ArrayList<>(lines.length - 1);
    List<String> tokens = new ArrayList<>(lines.length - 1);
    for (int i = 1; i < lines.length; i++) {
      int space = lines[i].indexOf(' ');
      if (space > 0) {
        tokens.add(lines[i].substring(0, space));
        tags.add(lines[i].substring(space + 1));
      }
    }
    return new BumpMessage(header[0].equals("E"), header[1], sequence, tags, tokens);
  }
}
