package app.backbone.catalog.service;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;

import app.backbone.catalog.domain.Exercise;
import app.backbone.catalog.domain.ExerciseFilter;

/** Searches the exercises a tenant can see with the array indexes of PostgreSQL. */
@ApplicationScoped
public class ExerciseSearch {

    private final EntityManager em;

    public ExerciseSearch(EntityManager em) {
        this.em = em;
    }

    /** One page of matches, by name. */
    @SuppressWarnings("unchecked")
    public List<Exercise> find(String tenant, ExerciseFilter filter, int offset, int limit) {
        Map<String, Object> params = new HashMap<>();
        Query query = em.createNativeQuery("SELECT * FROM exercise e WHERE " + where(tenant, filter, params)
                + " ORDER BY e.name, e.id LIMIT :limit OFFSET :offset", Exercise.class);
        params.forEach(query::setParameter);
        return query.setParameter("limit", limit).setParameter("offset", offset).getResultList();
    }

    /** How many exercises match on all pages. */
    public long count(String tenant, ExerciseFilter filter) {
        Map<String, Object> params = new HashMap<>();
        Query query = em.createNativeQuery("SELECT count(*) FROM exercise e WHERE " + where(tenant, filter, params));
        params.forEach(query::setParameter);
        return ((Number) query.getSingleResult()).longValue();
    }

    private static String where(String tenant, ExerciseFilter filter, Map<String, Object> params) {
        List<String> clauses = new ArrayList<>();
        clauses.add("e.retired = false AND (e.scope = 'GLOBAL' OR e.tenant_id = :tenant)");
        params.put("tenant", tenant);
        if (!filter.muscles().isEmpty()) {
            clauses.add("(e.primary_muscles && CAST(:muscles AS text[]) "
                    + "OR e.secondary_muscles && CAST(:muscles AS text[]))");
            params.put("muscles", arrayLiteral(filter.muscles()));
        }
        if (!filter.patterns().isEmpty()) {
            clauses.add("e.movement_pattern = ANY(CAST(:patterns AS text[]))");
            params.put("patterns", arrayLiteral(filter.patterns()));
        }
        if (!filter.equipment().isEmpty()) {
            clauses.add("e.equipment && CAST(:equipment AS text[])");
            params.put("equipment", arrayLiteral(filter.equipment()));
        }
        if (!filter.categories().isEmpty()) {
            clauses.add("e.category = ANY(CAST(:categories AS text[]))");
            params.put("categories", arrayLiteral(filter.categories()));
        }
        if (!filter.excludedConditions().isEmpty()) {
            clauses.add("NOT (e.contraindications && CAST(:excluded AS text[]))");
            params.put("excluded", arrayLiteral(filter.excludedConditions()));
        }
        if (filter.text() != null && !filter.text().isBlank()) {
            clauses.add("lower(e.name) LIKE :text ESCAPE '\\'");
            params.put("text", "%" + filter.text().strip().toLowerCase()
                    .replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
        }
        return String.join(" AND ", clauses);
    }

    private static String arrayLiteral(List<? extends Enum<?>> values) {
        return values.stream().map(Enum::name).collect(Collectors.joining(",", "{", "}"));
    }
}
