package dev.larder.example;

/** A {@code json_profile} row: the same type in a jsonb and in a json column. */
public record JsonProfile(long id, Profile profile, Profile rawProfile) {}
