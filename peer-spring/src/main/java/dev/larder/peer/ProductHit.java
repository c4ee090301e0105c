package dev.larder.peer;

import java.io.Serializable;

/** A product found by a search. */
public record ProductHit(long id, String sku, String name, String category) implements Serializable {}
