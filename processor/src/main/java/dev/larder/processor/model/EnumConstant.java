package dev.larder.processor.model;

/**
 * A constant of an enum that Larder binds or reads.
 *
 * @param name the constant's name
 * @param label what it stands for in the database: its {@code @EnumLabel}, or its name
 * @param source the constant, with its {@code @EnumLabel} and value when it has one
 */
public record EnumConstant(String name, String label, Source source) {}
