package dev.larder.runtime;

import java.util.ArrayList;
import java.util.List;

/**
 * A message on the bump channel, as the Redis scripts of {@link RedisLink} publish it: a header
 * line {@code B <epoch> <sequence> <writer>} followed by one {@code <token> <tag>} line per bumped
 * tag, or a lone {@code E <epoch> <sequence>} announcing a new epoch. Tags never contain a line break
 * ({@link TagGenerations#bump} refuses them); they may contain spaces.
 *
 * @param newEpoch whether the message announces a new epoch rather than a bump
 * @param epoch the epoch the message was published in
 * @param sequence the bump's number in that epoch (for a new epoch: the last number so far)
 * @param tags the bumped tags
 * @param tokens their new tokens, in the order of {@code tags}
 * @param writer the process that bumped, which waits for the others' confirmations; null for a
 *     new epoch
 */
record BumpMessage(boolean newEpoch, String epoch, long sequence, List<String> tags,
    List<String> tokens, String writer) {

  /** The first line of a bump message: enough to confirm it to its writer. */
  record Header(String epoch, long sequence, String writer) {}

  /** The header of a message, without reading its tags; null when it is not Larder's. */
  static Header header(String message) {
    int end = message.indexOf('\n');
    BumpMessage head = parse(end < 0 ? message : message.substring(0, end));
    return head == null ? null : new Header(head.epoch(), head.sequence(), head.writer());
  }

  /** The message, or null when it is not one Larder published. */
  static BumpMessage parse(String message) {
    String[] lines = message.split("\n");
    String[] header = lines[0].split(" ");
    boolean newEpoch = header[0].equals("E");
    if (header.length != (newEpoch ? 3 : 4) || !(newEpoch || header[0].equals("B"))) {
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
    return new BumpMessage(newEpoch, header[1], sequence, tags, tokens,
        newEpoch ? null : header[3]);
  }
}
