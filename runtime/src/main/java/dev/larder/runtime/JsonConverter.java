package dev.larder.runtime;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.util.Objects;

/**
 * Stores a value type of the application in a {@code json} or {@code jsonb} column as its JSON
 * text, written and read by Jackson databind. Extend it with a public class that has a public
 * constructor without parameters, and name that class in {@code @ConvertWith} on the type:
 *
 * <pre>{@code
 * @ConvertWith(ProfileJson.class)
 * public record Profile(String name, List<String> tags, LocalDate born) {}
 *
 * public final class ProfileJson extends JsonConverter<Profile> {
 *   public ProfileJson() {
 *     super(Profile.class);
 *   }
 * }
 * }</pre>
 *
 * <p>The column form is the JSON text. Generated code binds it untyped (unlike a plain
 * {@code String}, which is a {@code varchar}), so PostgreSQL takes it as the {@code jsonb} or
 * {@code json} it goes into and the SQL needs no cast: {@code VALUES (:id, :profile)},
 * {@code WHERE profile = :profile}. Where the SQL gives it no type, as in {@code SELECT :profile},
 * cast it ({@code :profile::jsonb}). The cached form, in the process and in Redis, and the key
 * part are the same text.
 *
 * <p>Jackson is an optional dependency of the runtime: an application that extends this class
 * adds {@code com.fasterxml.jackson.core:jackson-databind} (and, for {@code java.time} values,
 * {@code com.fasterxml.jackson.datatype:jackson-datatype-jsr310}) to its own dependencies.
 * Only the generated code of a type converted by a subclass loads this class, so applications
 * without Jackson use the rest of the runtime as before.
 *
 * @param <T> the application's type, e.g. {@code Profile}
 */
public abstract class JsonConverter<T> implements ColumnConverter<T, String> {
  /**
   * The mapper of {@link #JsonConverter(Class)}, made once: the Jackson modules found on the
   * class path registered ({@code findAndRegisterModules}, a single service-loader scan at class
   * load, which picks up {@code jackson-datatype-jsr310} for {@code java.time} values), and dates
   * written as ISO-8601 text rather than numbers, so that SQL can read them in the column.
   */
  private static final ObjectMapper DEFAULT_MAPPER = new ObjectMapper()
      .findAndRegisterModules()
      .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

  private final Class<T> type;
  private final ObjectMapper mapper;

  /**
   * A converter of {@code type} with Larder's default mapper: Jackson's defaults with the
   * modules on the class path registered and dates written as ISO-8601 text.
   *
   * @param type the application's type
   * @throws NullPointerException if {@code type} is null
   */
  protected JsonConverter(Class<T> type) {
    this(type, DEFAULT_MAPPER);
  }

  /**
   * A converter of {@code type} with the application's own mapper. Generated repositories call
   * the converter from any thread; a configured {@code ObjectMapper} is thread-safe as long as it
   * is not configured again.
   *
   * @param type the application's type
   * @param mapper the mapper that writes and reads the JSON
   * @throws NullPointerException if {@code type} or {@code mapper} is null
   */
  @SuppressWarnings("exports") // Jackson is optional: whoever passes a mapper has it
  protected JsonConverter(Class<T> type, ObjectMapper mapper) {
    this.type = Objects.requireNonNull(type, "type");
    this.mapper = Objects.requireNonNull(mapper, "mapper");
  }

  /**
   * The JSON text of {@code value}.
   *
   * @throws IllegalArgumentException if Jackson cannot write it; the message names the type and
   *     gives Jackson's reason
   */
  @Override
  public String toColumn(T value) {
    try {
      return mapper.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(
          "cannot write a " + type.getName() + " as JSON: " + e.getOriginalMessage(), e);
    }
  }

  /**
   * The value of the JSON text {@code column}.
   *
   * @throws IllegalArgumentException if Jackson cannot read it as the type, or it is the JSON
   *     literal {@code null}; the message names the type and gives Jackson's reason
   */
  @Override
  public T fromColumn(String column) {
    T value;
    try {
      value = mapper.readValue(column, type);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(
          "cannot read JSON as a " + type.getName() + ": " + e.getOriginalMessage(), e);
    }
    if (value == null) {
      // A column holding the JSON literal null, which is no value of the type (SQL NULL is).
      throw new IllegalArgumentException("cannot read JSON null as a " + type.getName());
    }
    return value;
  }
}
