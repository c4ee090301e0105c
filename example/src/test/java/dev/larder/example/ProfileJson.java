package dev.larder.example;

import dev.larder.runtime.JsonConverter;

/** Stores a {@link Profile} as JSON with Larder's default mapper. */
public final class ProfileJson extends JsonConverter<Profile> {
  public ProfileJson() {
    super(Profile.class);
  }
}
