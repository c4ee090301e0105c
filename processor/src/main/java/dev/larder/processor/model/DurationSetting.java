package dev.larder.processor.model;

import java.time.Duration;

/**
 * An ISO-8601 duration from an annotation.
 *
 * @param text as written
 * @param value the parsed duration, or null if {@code text} does not parse (a user error)
 * @param source the annotation value
 */
public record DurationSetting(String text, Duration value, Source source) {

  public boolean valid() {
    return value != null && !value.isNegative();
  }
}
