package dev.larder.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.larder.processor.Sources.compile;
import static dev.larder.processor.Sources.repository;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.testing.compile.Compilation;
import java.util.List;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * Types annotated {@code @ConvertWith}: converted through their database form in every place a
 * value goes, by a converter the generated code creates with {@code new}; and the compile errors
 * for a converter it cannot use.
 */
class ConverterTest {
  private static final JavaFileObject EMAIL = Sources.source("Email",
      "@ConvertWith(EmailConverter.class)",
      "public record Email(String address) {}");

  private static final JavaFileObject REPOSITORY = repository(
      "  record Customer(long id, Email email) {}",
      "  @Query(\"SELECT id, email FROM customer WHERE email = :email\")",
      "  @CacheKey(value = \"customer:{email}\", tags = \"customer:{email}\")",
      "  Optional<Customer> byEmail(Email email);",
      "  @Query(\"SELECT email FROM customer WHERE id = :id\")",
      "  @CacheKey(value = \"email:{id}\", tags = \"customers\")",
      "  Optional<Email> emailOf(long id);",
      "  @Query(\"SELECT email FROM customer ORDER BY id\")",
      "  @CacheKey(value = \"emails\", tags = \"customers\")",
      "  List<Email> emails();",
      "  @Update(\"INSERT INTO customer (id, email) VALUES (:id, :email)\")",
      "  @InvalidatesTags({\"customers\", \"customer:{email}\"})",
      "  int insert(List<Customer> rows);",
      "  @Update(\"UPDATE customer SET email = :email WHERE id = :id\")",
      "  @InvalidatesTags({\"customers\", \"customer:{email}\"})",
      "  int update(long id, Email email);");

  private static JavaFileObject converter(String... lines) {
    String[] all = new String[lines.length + 1];
    all[0] = "import dev.larder.runtime.ColumnConverter;";
    System.arraycopy(lines, 0, all, 1, lines.length);
    return Sources.source("EmailConverter", all);
  }

  private static final JavaFileObject CONVERTER = converter(
      "public final class EmailConverter implements ColumnConverter<Email, String> {",
      "  public String toColumn(Email email) { return email.address(); }",
      "  public Email fromColumn(String address) { return new Email(address); }",
      "}");

  /** Compiles with {@code converter}: one error, {@code message}, on the {@code @ConvertWith}. */
  private static void assertRefusedOnTheAnnotation(JavaFileObject converter, String message) {
    Compilation compilation = compile(EMAIL, converter, REPOSITORY);

    assertThat(compilation).hadErrorContaining(message)
        .inFile(EMAIL).onLineContaining("@ConvertWith");
    assertThat(compilation).hadErrorCount(1);
  }

  /**
   * Compiles {@code sources} without a warning, the generated code too under
   * {@code -Xlint:all -Werror}, and returns the generated {@code CatalogRepositoryImpl}.
   */
  private static String generatedImplOf(List<JavaFileObject> sources) {
    Compilation compilation = compile(sources.toArray(JavaFileObject[]::new));
    assertThat(compilation).succeededWithoutWarnings();
    assertThat(Sources.compileGeneratedStrictly(compilation, sources,
            "CatalogRepositoryImpl", "CatalogRepositoryKeys"))
        .succeededWithoutWarnings();
    return Sources.generatedSource(compilation, "test.CatalogRepositoryImpl");
  }

  @Test
  void aConvertedTypeIsBoundReadCachedAndKeyedByItsDatabaseForm() {
    Compilation compilation = compile(EMAIL, CONVERTER, REPOSITORY);

    assertThat(compilation).succeededWithoutWarnings();
    assertThat(Sources.compileGeneratedStrictly(compilation, List.of(EMAIL, CONVERTER, REPOSITORY),
            "CatalogRepositoryImpl", "CatalogRepositoryKeys"))
        .succeededWithoutWarnings();
    assertThat(Sources.generatedSource(compilation, "test.CatalogRepositoryImpl"))
        .contains("private static final EmailConverter EMAIL_CONVERTER = new EmailConverter();")
        .contains("Converted.fromColumn(EMAIL_CONVERTER, Columns.getString(rs,"
            + " rs.findColumn(\"email\")))")
        .contains("Converted.fromColumn(EMAIL_CONVERTER, Columns.getString(rs, 1))")
        .contains(".bind(\"email\", Converted.toColumn(EMAIL_CONVERTER, email))")
        .contains(".bind(at + 1, Converted.toColumn(EMAIL_CONVERTER, row.email()))")
        .contains("Codecs.list(Converted.codec(EMAIL_CONVERTER, Codecs.STRING))")
        .contains("Converted.codec(EMAIL_CONVERTER, Codecs.STRING).write(out, value.email())")
        .doesNotContain("getClass", "reflect");
    assertThat(Sources.generatedSource(compilation, "test.CatalogRepositoryKeys"))
        .contains("KeyEncoding.part(Converted.toColumn(EMAIL_CONVERTER, email))");
  }

  @Test
  void aConverterWithoutAPublicNoArgumentConstructorIsAnErrorOnTheAnnotation() {
    JavaFileObject converter = converter(
        "public final class EmailConverter implements ColumnConverter<Email, String> {",
        "  public EmailConverter(String domain) {}",
        "  public String toColumn(Email email) { return email.address(); }",
        "  public Email fromColumn(String address) { return new Email(address); }",
        "}");

    assertRefusedOnTheAnnotation(converter, "converter EmailConverter of Email cannot be created"
            + " by generated code, which calls new EmailConverter(); make it a public class (not"
            + " abstract, static if nested) with a public constructor without parameters");
  }

  @Test
  void aColumnTypeLarderCannotMapIsAnError() {
    JavaFileObject converter = converter(
        "public final class EmailConverter implements ColumnConverter<Email, Object> {",
        "  public Object toColumn(Email email) { return email.address(); }",
        "  public Email fromColumn(Object address) { return new Email((String) address); }",
        "}");

    assertRefusedOnTheAnnotation(converter, "converter EmailConverter of Email stores it as"
            + " java.lang.Object, which Larder cannot map to a column; implement"
            + " ColumnConverter<Email, S> with S one of String, Long");
  }

  @Test
  void aConverterOfAnotherTypeIsAnError() {
    JavaFileObject converter = converter(
        "public final class EmailConverter implements ColumnConverter<String, String> {",
        "  public String toColumn(String email) { return email; }",
        "  public String fromColumn(String address) { return address; }",
        "}");

    assertRefusedOnTheAnnotation(converter, "@ConvertWith on Email names EmailConverter, a"
            + " ColumnConverter<String, ...>, which converts String, not Email; name a converter"
            + " that implements ColumnConverter<Email, S>");
  }

  @Test
  void aClassThatIsNoColumnConverterIsAnError() {
    JavaFileObject converter = converter(
        "public final class EmailConverter {}");

    assertRefusedOnTheAnnotation(converter, "@ConvertWith on Email names EmailConverter, which"
            + " implements ColumnConverter<Email, S> nowhere (neither itself nor through a base"
            + " class or interface)");
  }

  @Test
  void aConverterThroughAGenericBaseClassAndInterfaceHasItsTypeArgumentsSubstituted() {
    // As JsonConverter<T>: the converter names its type only as the base class's argument.
    JavaFileObject column = Sources.source("TextColumn",
        "import dev.larder.runtime.ColumnConverter;",
        "public interface TextColumn<V> extends ColumnConverter<V, String> {}");
    JavaFileObject base = Sources.source("TextConverter",
        "public abstract class TextConverter<T> implements TextColumn<T> {",
        "  public String toColumn(T value) { return value.toString(); }",
        "}");
    JavaFileObject converter = converter(
        "public final class EmailConverter extends TextConverter<Email> {",
        "  public Email fromColumn(String address) { return new Email(address); }",
        "}");
    List<JavaFileObject> sources = List.of(EMAIL, column, base, converter, REPOSITORY);

    assertThat(generatedImplOf(sources))
        .contains(".bind(\"email\", Converted.toColumn(EMAIL_CONVERTER, email))")
        .contains("Converted.codec(EMAIL_CONVERTER, Codecs.STRING)");
  }

  @Test
  void aJsonConvertersTextIsBoundUntypedSoTheSqlNeedsNoCast() {
    JavaFileObject converter = Sources.source("EmailConverter",
        "import dev.larder.runtime.JsonConverter;",
        "public final class EmailConverter extends JsonConverter<Email> {",
        "  public EmailConverter() { super(Email.class); }",
        "}");
    List<JavaFileObject> sources = List.of(EMAIL, converter, REPOSITORY);

    assertThat(generatedImplOf(sources))
        .contains(".bindBySqlType(\"email\", Converted.toColumn(EMAIL_CONVERTER, email),"
            + " Types.OTHER)")
        .contains(".bindUntyped(at + 1, Converted.toColumn(EMAIL_CONVERTER, row.email()))")
        .contains("Converted.fromColumn(EMAIL_CONVERTER, Columns.getString(rs, 1))")
        .contains("Converted.codec(EMAIL_CONVERTER, Codecs.STRING)");
  }

  @Test
  void aGenericBaseClassOfAnotherTypeIsAnError() {
    JavaFileObject base = Sources.source("TextConverter",
        "import dev.larder.runtime.ColumnConverter;",
        "public abstract class TextConverter<T> implements ColumnConverter<T, String> {}");
    JavaFileObject converter = converter(
        "public final class EmailConverter extends TextConverter<String> {",
        "  public String toColumn(String email) { return email; }",
        "  public String fromColumn(String address) { return address; }",
        "}");

    Compilation compilation = compile(EMAIL, base, converter, REPOSITORY);

    assertThat(compilation).hadErrorContaining("@ConvertWith on Email names EmailConverter, a"
            + " ColumnConverter<String, ...>, which converts String, not Email")
        .inFile(EMAIL).onLineContaining("@ConvertWith");
    assertThat(compilation).hadErrorCount(1);
  }
}
