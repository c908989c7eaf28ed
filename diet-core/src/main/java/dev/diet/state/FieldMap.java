package dev.diet.state;

import java.util.AbstractCollection;
import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Set;
import java.util.SortedMap;
import java.util.function.BiConsumer;
import java.util.function.IntFunction;

/**
 * An immutable map of field values sorted by field name, held in two arrays. Null values are
 * allowed. A generated graph has hundreds of thousands of objects with a handful of fields each, so
 * this costs a fraction of a {@code TreeMap}; it behaves like any other sorted map (equality,
 * hash code and text form included).
 */
public final class FieldMap extends AbstractMap<String, Object> implements SortedMap<String, Object> {
  private final String[] keys;
  private final Object[] values;
  private final int from;
  private final int to;

  private FieldMap(String[] keys, Object[] values, int from, int to) {
    this.keys = keys;
    this.values = values;
    this.from = from;
    this.to = to;
  }

  /** {@code fields} itself when it is a FieldMap, else a sorted copy; values are checked as {@link FieldValues} says. */
  public static FieldMap copyOf(Map<String, ?> fields) {
    if (fields instanceof FieldMap) {
      return (FieldMap) fields;
    }
    Builder b = new Builder(fields.size());
    for (Map.Entry<String, ?> e : fields.entrySet()) {
      b.put(e.getKey(), e.getValue());
    }
    return b.build();
  }

  public static Builder builder() {
    return new Builder(8);
  }

  /** Collects fields in any order; {@link #build()} sorts them. */
  public static final class Builder {
    private String[] keys;
    private Object[] values;
    private int size;

    private Builder(int capacity) {
      keys = new String[Math.max(capacity, 1)];
      values = new Object[keys.length];
    }

    /** Adds a field; the value must be a String, Integer, Boolean, {@link Ref} or null. */
    public Builder put(String name, Object value) {
      Objects.requireNonNull(name, "name");
      FieldValues.check(name, value);
      if (size == keys.length) {
        keys = Arrays.copyOf(keys, size * 2);
        values = Arrays.copyOf(values, size * 2);
      }
      keys[size] = name;
      values[size] = value;
      size++;
      return this;
    }

    /** The sorted map; two values for one field name are a bug of the caller. */
    public FieldMap build() {
      String[] k = Arrays.copyOf(keys, size);
      Object[] v = Arrays.copyOf(values, size);
      // Insertion sort: objects have a handful of fields, usually added nearly in order.
      for (int i = 1; i < size; i++) {
        String key = k[i];
        Object value = v[i];
        int j = i - 1;
        while (j >= 0 && k[j].compareTo(key) > 0) {
          k[j + 1] = k[j];
          v[j + 1] = v[j];
          j--;
        }
        k[j + 1] = key;
        v[j + 1] = value;
      }
      for (int i = 1; i < size; i++) {
        if (k[i].equals(k[i - 1])) {
          throw new IllegalArgumentException("field " + k[i] + " is given twice");
        }
      }
      return new FieldMap(k, v, 0, size);
    }
  }

  @Override
  public int size() {
    return to - from;
  }

  private int indexOf(Object key) {
    if (!(key instanceof String)) {
      return -1;
    }
    int i = Arrays.binarySearch(keys, from, to, (String) key);
    return i < 0 ? -1 : i;
  }

  /** Position of the first key not below {@code key} within this view. */
  private int lowerBound(String key) {
    int i = Arrays.binarySearch(keys, from, to, key);
    return i < 0 ? -i - 1 : i;
  }

  @Override
  public boolean containsKey(Object key) {
    return indexOf(key) >= 0;
  }

  @Override
  public Object get(Object key) {
    int i = indexOf(key);
    return i < 0 ? null : values[i];
  }

  @Override
  public Comparator<? super String> comparator() {
    return null;
  }

  @Override
  public SortedMap<String, Object> subMap(String fromKey, String toKey) {
    if (fromKey.compareTo(toKey) > 0) {
      throw new IllegalArgumentException("fromKey > toKey");
    }
    return new FieldMap(keys, values, lowerBound(fromKey), lowerBound(toKey));
  }

  @Override
  public SortedMap<String, Object> headMap(String toKey) {
    return new FieldMap(keys, values, from, lowerBound(toKey));
  }

  @Override
  public SortedMap<String, Object> tailMap(String fromKey) {
    return new FieldMap(keys, values, lowerBound(fromKey), to);
  }

  @Override
  public String firstKey() {
    if (from == to) {
      throw new NoSuchElementException();
    }
    return keys[from];
  }

  @Override
  public String lastKey() {
    if (from == to) {
      throw new NoSuchElementException();
    }
    return keys[to - 1];
  }

  /** The name of the field at {@code index} (0-based, in key order); with {@link #valueAt}, lets two maps be merged in one walk. */
  public String keyAt(int index) {
    Objects.checkIndex(index, size());
    return keys[from + index];
  }

  /** The value of the field at {@code index} (0-based, in key order). */
  public Object valueAt(int index) {
    Objects.checkIndex(index, size());
    return values[from + index];
  }

  @Override
  public void forEach(BiConsumer<? super String, ? super Object> action) {
    for (int i = from; i < to; i++) {
      action.accept(keys[i], values[i]);
    }
  }

  @Override
  public Set<String> keySet() {
    return new AbstractSet<>() {
      @Override
      public Iterator<String> iterator() {
        return new Cursor<>(i -> keys[i]);
      }

      @Override
      public int size() {
        return FieldMap.this.size();
      }

      @Override
      public boolean contains(Object o) {
        return containsKey(o);
      }
    };
  }

  @Override
  public Collection<Object> values() {
    return new AbstractCollection<>() {
      @Override
      public Iterator<Object> iterator() {
        return new Cursor<>(i -> values[i]);
      }

      @Override
      public int size() {
        return FieldMap.this.size();
      }
    };
  }

  @Override
  public Set<Map.Entry<String, Object>> entrySet() {
    return new AbstractSet<>() {
      @Override
      public Iterator<Map.Entry<String, Object>> iterator() {
        return new Cursor<>(i -> new AbstractMap.SimpleImmutableEntry<>(keys[i], values[i]));
      }

      @Override
      public int size() {
        return FieldMap.this.size();
      }
    };
  }

  /** Read-only iteration over positions {@code from..to-1}. */
  private final class Cursor<T> implements Iterator<T> {
    private final IntFunction<T> at;
    private int next = from;

    Cursor(IntFunction<T> at) {
      this.at = at;
    }

    @Override
    public boolean hasNext() {
      return next < to;
    }

    @Override
    public T next() {
      if (next >= to) {
        throw new NoSuchElementException();
      }
      return at.apply(next++);
    }
  }
}
