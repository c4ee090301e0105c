package dev.larder.peer;

import java.io.Serializable;
import java.util.List;

/** A page of products and the cursor of the next one (null on the last page). */
public record PageResponse(List<Product> items, String next) implements Serializable {}
