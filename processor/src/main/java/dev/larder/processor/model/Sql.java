package dev.larder.processor.model;

import java.util.List;

/**
 * The SQL of a method and the {@code :names} found in it, in order of first appearance.
 *
 * @param text the SQL as written
 * @param names distinct parameter names, e.g. {@code id} or {@code filter.category}
 * @param clauses what paging and batching need to know of its top-level clauses
 * @param statement the text to hand to JDBI, which sends {@code text} to the server unchanged:
 *     equal to {@code text} for ordinary SQL, escaped where JDBI or pgjdbc would misread it
 *     ({@code ?} operators, array slices, dollar quotes, {@code E'…'} strings, comments)
 * @param unorderedStatement {@code statement} without the trailing top-level {@code ORDER BY}
 *     that {@link SqlClauses#orderByStart()} finds; {@code statement} when there is none
 * @param source the annotation value holding the SQL
 * @param schemaText the statement as the compile-time schema check prepares it
 */
public record Sql(
    String text,
    List<String> names,
    SqlClauses clauses,
    String statement,
    String unorderedStatement,
    Source source,
    SchemaText schemaText) {}
