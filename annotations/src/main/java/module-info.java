/**
 * The annotations a user puts on a repository interface ({@link dev.larder.annotation}); they
 * carry no logic. A module of its own so that the runtime's module can require it by a stable
 * name.
 */
module dev.larder.annotation {
  exports dev.larder.annotation;
}
