/**
 * Support for generated code: reading columns, counting rows, encoding key parts. These types are
 * public only because generated repositories live in the user's packages; they are not an API
 * for people and may change in any release.
 */
package dev.larder.runtime.internal;
