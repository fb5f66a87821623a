package app.backbone.common;

import java.util.List;
import java.util.function.Function;

/**
 * One page of a list answer.
 *
 * @param items the entries on this page
 * @param page  the zero-based page number
 * @param size  the page size asked for
 * @param total the number of entries on all pages
 */
public record Page<T>(List<T> items, int page, int size, long total) {

    /** The same page with each entry converted. */
    public <R> Page<R> map(Function<? super T, ? extends R> mapper) {
        return new Page<>(items.stream().<R>map(mapper).toList(), page, size, total);
    }
}
