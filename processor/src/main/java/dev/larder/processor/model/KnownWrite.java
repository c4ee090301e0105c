package dev.larder.processor.model;

import java.util.List;

/**
 * A write of a repository that is not in this compilation, known from the description an earlier
 * compilation left in the class output: all tag coverage needs of it.
 *
 * @param name {@code Repository.method}, or {@code Repository.method(int, String)} for an
 *     overloaded method, for messages
 * @param invalidates the shapes of its {@code @InvalidatesTags} templates
 */
public record KnownWrite(String name, List<TagShape> invalidates) {
  public KnownWrite {
    invalidates = List.copyOf(invalidates);
  }
}
