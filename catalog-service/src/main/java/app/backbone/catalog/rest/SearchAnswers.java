package app.backbone.catalog.rest;

import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;

import app.backbone.catalog.domain.ExerciseFilter;
import app.backbone.catalog.service.LibraryRevisions;
import app.backbone.common.Page;
import io.quarkus.cache.Cache;
import io.quarkus.cache.CacheName;
import io.quarkus.cache.CaffeineCache;

/**
 * Search answers kept in the {@value #CACHE} cache: an answer asked again is given from memory while the revisions of
 * the libraries it was computed from (the global one and the tenant's) are unchanged, so a change committed on any
 * replica shows in the next search on every replica.
 */
@ApplicationScoped
class SearchAnswers {

    static final String CACHE = "exercise-search";

    private final LibraryRevisions revisions;
    private final CaffeineCache answers;

    SearchAnswers(LibraryRevisions revisions, @CacheName(CACHE) Cache answers) {
        this.revisions = revisions;
        this.answers = answers.as(CaffeineCache.class);
    }

    /** The answer to the search, from memory if it is still current, else from {@code search}. */
    Page<ExerciseResponse> answer(String tenant, ExerciseFilter filter, int page, int size,
            Supplier<Page<ExerciseResponse>> search) {
        Question question = new Question(tenant, filter, page, size);
        LibraryRevisions.Revision revision = revisions.of(tenant);
        CompletableFuture<Answer> known = answers.getIfPresent(question);
        if (known != null) {
            Answer answer = known.join();
            if (answer.revision().equals(revision)) {
                return answer.page();
            }
        }
        Page<ExerciseResponse> found = search.get();
        answers.put(question, CompletableFuture.completedFuture(new Answer(revision, found)));
        return found;
    }

    private record Question(String tenant, ExerciseFilter filter, int page, int size) {
    }

    private record Answer(LibraryRevisions.Revision revision, Page<ExerciseResponse> page) {
    }
}
