package org.jilastik.project;

import java.util.Map;

/**
 * An HDF5 group copied into memory: its attributes, its datasets and its subgroups, each by name.
 *
 * <p>Dataset and attribute values are what the HDF5 reader gives: Java primitive arrays (any rank, e.g.
 * {@code double[]}, {@code int[][]}), boxed scalars ({@code Double}, {@code Long}, ...) or {@code String}s.
 * Used for parts of a project that another package decodes (the vigra forests). Plain data; the maps are
 * unmodifiable; treat the arrays as read-only.
 */
public record StoredGroup(String name, Map<String, Object> attributes, Map<String, Object> datasets,
                          Map<String, StoredGroup> groups) {
}
