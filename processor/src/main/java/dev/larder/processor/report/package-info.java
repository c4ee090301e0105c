/**
 * The tag graph, made visible. The processor describes every valid repository (methods, keys,
 * tags, which writes invalidate which reads) as a
 * {@link dev.larder.processor.report.RepositoryDescription}, written next to the classes as
 * {@code META-INF/larder/<qualified.Interface>.json} with a Markdown report beside it; {@link dev.larder.processor.report.LarderReport} turns all the descriptions
 * of a build into one HTML page.
 *
 * <p>This package runs outside javac too (the report command), so it uses only the JDK and
 * {@link dev.larder.processor.model.TagShape}: never javax.lang.model, JavaPoet or the other
 * stages.
 */
package dev.larder.processor.report;
