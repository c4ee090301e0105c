package dev.larder.example;

/** A film to insert, or to re-rate by title. */
public record NewFilm(String title, MpaaRating rating) {}
