package dev.larder.runtime.internal;

import static java.util.Objects.requireNonNull;

import dev.larder.runtime.Larder;
import java.util.function.Function;

/**
 * How this package reaches what a {@link Larder} keeps for generated code, with no public method
 * on {@code Larder} and no reflection: the "shared secrets" pattern of the JDK. {@code Larder}'s
 * static initializer installs the one implementation, which reads a field only its own package
 * sees; since that runs before any {@code Larder} exists, every runtime a caller can hold finds
 * it installed. It is installed once and never replaced: a second install fails, so nothing can
 * take its place unnoticed.
 *
 * <p>For the runtime itself; generated code calls {@link RepositorySupport#of(Larder)}.
 */
public final class LarderAccess {
  private static volatile Function<Larder, RepositorySupport> supportOfLarder;

  private LarderAccess() {}

  /**
   * Installs the access; called by {@code Larder}'s static initializer, and by nothing else.
   *
   * @param supportOfLarder returns a runtime's support for generated code
   * @throws IllegalStateException if an access is installed already
   */
  public static synchronized void install(Function<Larder, RepositorySupport> supportOfLarder) {
    requireNonNull(supportOfLarder, "supportOfLarder");
    if (LarderAccess.supportOfLarder != null) {
      throw new IllegalStateException("the Larder access is installed already");
    }
    LarderAccess.supportOfLarder = supportOfLarder;
  }

  static RepositorySupport repositorySupport(Larder larder) {
    Function<Larder, RepositorySupport> access = supportOfLarder;
    if (access == null) {
      // Cannot happen for a Larder that was built: its class installed the access first.
      throw new IllegalStateException("the Larder access is not installed");
    }
    return access.apply(larder);
  }
}
