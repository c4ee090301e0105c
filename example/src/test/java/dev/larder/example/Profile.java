package dev.larder.example;

import dev.larder.annotation.ConvertWith;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** A user type stored as JSON: a nested list of records and java.time values. */
@ConvertWith(ProfileJson.class)
public record Profile(String name, List<Skill> skills, LocalDate born, Instant lastSeen) {

  /** One entry of the nested list. */
  public record Skill(String name, int level) {}
}
