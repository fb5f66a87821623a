package app.backbone.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;
import java.util.stream.Collectors;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.ValidatorFactory;

import org.hibernate.validator.HibernateValidator;
import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;
import org.junit.jupiter.api.Test;

class PageParamsTest {

    @Test
    void theOffsetIsThePageTimesItsSize() {
        assertEquals(0, params(0, 50).offset());
        assertEquals(150, params(3, 50).offset());
    }

    @Test
    void theLastPageAllowedStillHasAnOffsetWithinInt() {
        long last = (long) PageParams.MAX_PAGE * PageParams.MAX_SIZE;
        assertTrue(last <= Integer.MAX_VALUE);
        assertTrue(last + PageParams.MAX_SIZE > Integer.MAX_VALUE);
        assertEquals(last, params(PageParams.MAX_PAGE, PageParams.MAX_SIZE).offset());
    }

    @Test
    void pagesAndSizesOutsideTheBoundsAreRefused() {
        assertEquals(Set.of(), violations(0, 1));
        assertEquals(Set.of(), violations(PageParams.MAX_PAGE, PageParams.MAX_SIZE));
        String pages = "page must be between 0 and " + PageParams.MAX_PAGE;
        String sizes = "size must be between 1 and " + PageParams.MAX_SIZE;
        assertEquals(Set.of(pages, sizes), violations(-1, 0));
        assertEquals(Set.of(pages, sizes), violations(PageParams.MAX_PAGE + 1, PageParams.MAX_SIZE + 1));
    }

    private static Set<String> violations(int page, int size) {
        try (ValidatorFactory validation = Validation.byProvider(HibernateValidator.class).configure()
                .messageInterpolator(new ParameterMessageInterpolator()).buildValidatorFactory()) {
            Set<ConstraintViolation<PageParams>> violations = validation.getValidator().validate(params(page, size));
            return violations.stream().map(v -> v.getPropertyPath() + " " + v.getMessage())
                    .collect(Collectors.toSet());
        }
    }

    private static PageParams params(int page, int size) {
        PageParams params = new PageParams();
        params.page = page;
        params.size = size;
        return params;
    }
}
