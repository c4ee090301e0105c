package dev.larder.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The text that stands for an enum constant in the database, when it is not the constant's name:
 * a label of a PostgreSQL enum type such as {@code 'NC-17'}, which no Java identifier can spell.
 *
 * <pre>{@code
 * public enum MpaaRating {
 *   G, PG,
 *   @EnumLabel("PG-13") PG_13,
 *   R,
 *   @EnumLabel("NC-17") NC_17
 * }
 * }</pre>
 *
 * <p>A constant without it stands for its name. The generated repositories map labels and
 * constants both ways with a switch written at compile time: they bind the label of a constant
 * (so PostgreSQL casts it to the column's enum or text type), read a column's label back into its
 * constant (a label no constant has is an error naming the column, the label and the enum), and
 * use the label in cache keys, tags, cached values and cursors, so that a key built in Java equals
 * a tag built from the column by a database trigger.
 *
 * <p>Two constants of one enum with the same label, or a blank label, are compile errors. Changing
 * a label changes the keys of the entries that hold it, as changing the column's value would.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.FIELD)
public @interface EnumLabel {

  /** The label, exactly as the database holds it (case and spaces count); not blank. */
  String value();
}
