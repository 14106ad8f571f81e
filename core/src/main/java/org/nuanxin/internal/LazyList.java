package org.nuanxin.internal;

import java.util.AbstractList;
import java.util.List;
import java.util.RandomAccess;
import java.util.function.Supplier;
import org.nuanxin.Decision;

/**
 * An immutable list made on first use: explanations are assembled only for the hosts that read
 * them; a {@link Decision.Deferred}, so a decision keeps it uncopied. Safe to share between
 * threads: the list is made once. Only this package makes them (or subclasses them, to carry
 * what the list is made of in fields rather than in a second object).
 *
 * @param <E> the elements
 */
public class LazyList<E> extends AbstractList<E> implements RandomAccess, Decision.Deferred {

    private Supplier<List<E>> make;
    private volatile List<E> list;

    LazyList(Supplier<List<E>> make) {
        this.make = java.util.Objects.requireNonNull(make, "make");
    }

    /** For a subclass that overrides {@link #make()}. */
    LazyList() {}

    /** The list's elements, asked for once, on first use. */
    List<E> make() {
        return make.get();
    }

    private List<E> list() {
        List<E> l = list;
        if (l == null) {
            synchronized (this) {
                l = list;
                if (l == null) {
                    l = List.copyOf(make());
                    list = l;
                    make = null; // what it was made of can go
                }
            }
        }
        return l;
    }

    @Override
    public E get(int index) {
        return list().get(index);
    }

    @Override
    public int size() {
        return list().size();
    }
}
