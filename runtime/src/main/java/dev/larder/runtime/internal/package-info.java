/**
 * For generated code; may change in any release, not for people. Generated repositories live in
 * the user's packages, so what they call must be public: this package is where all of it is, and
 * the only place besides {@link dev.larder.runtime}. A generated constructor takes the runtime's
 * {@link dev.larder.runtime.internal.RepositorySupport} from its
 * {@link dev.larder.runtime.Larder}; the constants it declares describe each method
 * ({@link dev.larder.runtime.internal.RepositoryMethod},
 * {@link dev.larder.runtime.internal.CachedRead}) and the rest read columns, bind parameters,
 * encode key parts and cached values, page and batch.
 *
 * <p>Applications use {@link dev.larder.runtime} only; nothing here keeps its name or signature
 * from one release to the next.
 */
package dev.larder.runtime.internal;
