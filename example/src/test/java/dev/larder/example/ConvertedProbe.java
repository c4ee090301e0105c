package dev.larder.example;

/** A {@code type_probe} row's label and amount as value types with converters. */
public record ConvertedProbe(long id, Email label, Money amount) {}
