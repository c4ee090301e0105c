package dev.larder.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.larder.processor.Sources.compile;
import static dev.larder.processor.Sources.generatedSource;
import static dev.larder.processor.Sources.repository;
import static dev.larder.processor.Sources.source;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.testing.compile.Compilation;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/** {@code @Transactional}: where it goes, what it accepts, and what is generated for it. */
class TransactionalDiagnosticsTest {

  private static final String[] WRITE = {
      "  @Update(\"UPDATE product SET price_cents = :priceCents WHERE id = :id\")",
      "  @InvalidatesTags(value = {}, reason = \"nothing is cached\")",
      "  int setPrice(long id, long priceCents);"};

  private static JavaFileObject repositoryWith(String... members) {
    String[] all = new String[WRITE.length + members.length];
    System.arraycopy(WRITE, 0, all, 0, WRITE.length);
    System.arraycopy(members, 0, all, WRITE.length, members.length);
    return repository(all);
  }

  @Test
  void aTransactionalDefaultMethodIsOverriddenToRunInATransaction() {
    JavaFileObject file = repositoryWith(
        "  @Transactional(name = \"swap\", isolation = Isolation.SERIALIZABLE, maxAttempts = 7,",
        "      deadline = \"PT5S\", retryOn = \"55P03\")",
        "  default void swap(long a, long b) { setPrice(a, 1); setPrice(b, 2); }",
        "  @Transactional(readOnly = true)",
        "  default long twice(long id) { return 2 * id; }");

    Compilation compilation = compile(file);

    assertThat(compilation).succeededWithoutWarnings();
    String impl = generatedSource(compilation, "test.CatalogRepositoryImpl");
    assertThat(impl)
        .contains("TransactionOptions SWAP_TRANSACTION = TransactionOptions.named(\"swap\")")
        .contains(".withIsolation(Isolation.SERIALIZABLE)")
        .contains(".withMaxAttempts(7)")
        .contains(".withDeadline(Duration.ofSeconds(5))")
        .contains(".withRetryOn(\"55P03\")")
        .contains("CatalogRepository.super.swap(a, b);")
        .contains("TransactionOptions.named(\"CatalogRepository.twice\")")
        .contains(".withReadOnly(true)")
        .contains("return larder.inTransaction(TWICE_TRANSACTION, handle -> CatalogRepository.super.twice(id));");
  }

  @Test
  void onAnAbstractMethodItIsAnError() {
    JavaFileObject file = repository(
        "  @Transactional",
        "  @Update(\"UPDATE product SET price_cents = 0\")",
        "  @InvalidatesTags(value = {}, reason = \"nothing is cached\")",
        "  int reset();");

    assertThat(compile(file)).hadErrorContaining("@Transactional has no effect on an abstract"
            + " method (its one statement is atomic already; put @Transactional on a default"
            + " method that calls it)")
        .inFile(file).onLineContaining("@Transactional");
  }

  @Test
  void onAMethodOfAnInterfaceThatIsNoRepositoryItIsAnError() {
    JavaFileObject file = source("Helper",
        "public interface Helper {",
        "  @Transactional",
        "  default void run() { }",
        "}");

    assertThat(compile(file)).hadErrorContaining("@Transactional has no effect on a method of"
            + " interface Helper, which is not annotated @CachedRepository")
        .inFile(file).onLineContaining("@Transactional");
  }

  @Test
  void checkedExceptionsAreRefused() {
    JavaFileObject file = repositoryWith(
        "  @Transactional",
        "  default void export() throws java.io.IOException { }");

    assertThat(compile(file)).hadErrorContaining("@Transactional method export declares checked"
            + " exceptions")
        .inFile(file).onLineContaining("@Transactional");
  }

  @Test
  void genericMethodsAreRefused() {
    JavaFileObject file = repositoryWith(
        "  @Transactional",
        "  default <T> T same(T value) { return value; }");

    assertThat(compile(file)).hadErrorContaining("@Transactional method same declares type"
            + " parameters")
        .inFile(file).onLineContaining("@Transactional");
  }

  @Test
  void attemptsOutOfRangeAreRefused() {
    JavaFileObject file = repositoryWith(
        "  @Transactional(maxAttempts = 5000)",
        "  default void many() { }");

    assertThat(compile(file)).hadErrorContaining("@Transactional(maxAttempts = 5000) on many is"
            + " out of range; use 1 to 1000")
        .inFile(file).onLineContaining("maxAttempts = 5000");
  }

  @Test
  void aBadDeadlineIsRefusedOnItsValue() {
    JavaFileObject file = repositoryWith(
        "  @Transactional(",
        "      deadline = \"5 seconds\")",
        "  default void slow() { }");

    assertThat(compile(file)).hadErrorContaining("deadline = \"5 seconds\" is not an ISO-8601"
            + " duration")
        .inFile(file).onLineContaining("deadline = \"5 seconds\"");
  }

  @Test
  void aSqlStateOfTheWrongLengthIsRefused() {
    JavaFileObject file = repositoryWith(
        "  @Transactional(retryOn = \"4001\")",
        "  default void lock() { }");

    assertThat(compile(file)).hadErrorContaining("@Transactional(retryOn = \"4001\") on lock is"
            + " not a SQLSTATE")
        .inFile(file).onLineContaining("retryOn");
  }
}
