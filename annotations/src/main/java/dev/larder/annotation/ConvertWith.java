package dev.larder.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Maps a value type of the application ({@code Email}, {@code Money}) to a column type Larder
 * knows, through a converter the processor sees at compile time:
 *
 * <pre>{@code
 * @ConvertWith(EmailConverter.class)
 * public record Email(String address) {}
 *
 * public final class EmailConverter implements ColumnConverter<Email, String> {
 *   public String toColumn(Email email) { return email.address(); }
 *   public Email fromColumn(String address) { return new Email(address); }
 * }
 * }</pre>
 *
 * <p>The annotated type may then be a parameter, a record component or a scalar result of any
 * repository method. The generated code creates one converter per repository with
 * {@code new} (no reflection), binds and caches the database form ({@code String} above), reads
 * the column as that form and converts it, and keys and tags by the database form. NULL stays
 * null: the converter never sees it.
 *
 * <p>The converter ({@code dev.larder.runtime.ColumnConverter<J, S>}) must implement the interface
 * directly with the annotated type as {@code J} and a column type Larder maps as {@code S}
 * ({@code String}, {@code Long}, {@code BigDecimal}, {@code UUID}, {@code Instant}...), and have
 * a public constructor without parameters; each of these is a compile error otherwise.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
public @interface ConvertWith {

  /** The converter class, implementing {@code ColumnConverter<annotated type, column type>}. */
  Class<?> value();
}
